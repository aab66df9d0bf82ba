using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Spoc.SharedKernel.Text;

namespace Spoc.Modules.FollowUp.Features.Skills;

/// <summary>
/// A table written as the organisation's HR opens it. CSV as every export writes it (SpreadsheetCsv): UTF-8 with a BOM, CRLF, the
/// locale's separators (French: <c>;</c> and a decimal comma; otherwise <c>,</c> and a point), no cell a spreadsheet would
/// run as a formula. XLSX with numbers and dates as such; widths set by hand (ClosedXML's AdjustToContents measures text
/// with System.Drawing, which Linux servers lack).
/// </summary>
internal static class SkillsExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The <c>format</c> of an export: <c>csv</c> or <c>xlsx</c>, in any case.</summary>
    public static bool IsFormat(string format) => format.ToLowerInvariant() is "csv" or "xlsx";

    /// <summary>Cells are text, numbers (<see cref="decimal"/>, <see cref="int"/>), dates (<see cref="DateOnly"/>) or empty (null).</summary>
    public sealed record Sheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows);

    public static (byte[] Content, string ContentType, string FileName) Write(Sheet sheet, string format, string language, string fileName) =>
        string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? (Xlsx(sheet), XlsxType, fileName + ".xlsx")
            : (Csv(sheet, language), CsvType, fileName + ".csv");

    /// <summary>A competency's three columns: its latest mastery, the activities done on it (of the course's), the date it was acquired.</summary>
    public static string[] CompetencyHeaders(string code, string title, int activities, bool french) => french
        ? [$"{code} {title} : maîtrise (%)", $"{code} : activités faites (sur {activities})", $"{code} : acquise le"]
        : [$"{code} {title}: mastery (%)", $"{code}: activities done (of {activities})", $"{code}: acquired on"];

    public static object?[] CompetencyCells(SkillCell cell) =>
        [cell.Mastery, cell.ActivitiesDone, cell.AcquiredAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null];

    public static byte[] Csv(Sheet sheet, string language)
    {
        var csv = new SpreadsheetCsv(language);
        string Format(object? cell) => cell switch
        {
            null => "",
            decimal d => csv.Number(d),
            int i => i.ToString(CultureInfo.InvariantCulture),
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => csv.Text(cell.ToString() ?? ""),
        };

        csv.Line(sheet.Headers.Select(csv.Text));
        foreach (var row in sheet.Rows)
        {
            csv.Line(row.Select(Format));
        }

        return csv.ToBytes();
    }

    public static byte[] Xlsx(Sheet sheet)
    {
        using var workbook = new XLWorkbook();
        var ws = workbook.Worksheets.Add(sheet.Name);
        for (var c = 0; c < sheet.Headers.Count; c++)
        {
            ws.Cell(1, c + 1).Value = sheet.Headers[c];
            ws.Column(c + 1).Width = Math.Clamp(sheet.Headers[c].Length + 2, 10, 40);
        }

        ws.Row(1).Style.Font.Bold = true;
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            for (var c = 0; c < sheet.Rows[r].Length; c++)
            {
                var cell = ws.Cell(r + 2, c + 1);
                switch (sheet.Rows[r][c])
                {
                    case decimal d: cell.Value = d; break;
                    case int i: cell.Value = i; break;
                    case DateOnly date: cell.Value = date.ToDateTime(TimeOnly.MinValue); cell.Style.DateFormat.Format = "yyyy-mm-dd"; break;

                    // Text stays text: a name such as "=1+1" or "0042" is never read as a formula or a number.
                    case { } text: cell.SetValue(text.ToString()); cell.DataType = XLDataType.Text; break;
                }
            }
        }

        ws.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
