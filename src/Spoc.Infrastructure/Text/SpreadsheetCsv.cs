using System.Globalization;
using System.Text;

namespace Spoc.SharedKernel.Text;

/// <summary>
/// A CSV that a spreadsheet opens as it should in the reader's language (the gradebook, eligibility and skills exports).
/// French: <c>;</c> between cells and a decimal comma, as a French Excel expects; any other language: <c>,</c> and a decimal
/// point — written out rather than read from the culture, which a server without ICU data does not know. UTF-8 with a
/// byte-order mark, lines ending with CRLF (RFC 4180), and text cells that never run as formulas.
/// </summary>
public sealed class SpreadsheetCsv(string language)
{
    private readonly StringBuilder _csv = new();

    public bool French { get; } = language.StartsWith("fr", StringComparison.OrdinalIgnoreCase);

    private string Separator => French ? ";" : ",";

    private CultureInfo Numbers => field ??= new CultureInfo("") { NumberFormat = { NumberDecimalSeparator = French ? "," : "." } };

    public void Line(IEnumerable<string> cells) => _csv.Append(string.Join(Separator, cells)).Append("\r\n");

    public string Number(decimal? value) => value?.ToString("0.##", Numbers) ?? "";

    public string YesNo(bool value) => (value, French) switch { (true, true) => "oui", (false, true) => "non", (true, false) => "yes", _ => "no" };

    /// <summary>
    /// A text cell: one starting with <c>= + - @</c> (or a tab or carriage return) would run as a formula in a spreadsheet
    /// (CSV injection), so it starts with a quote mark instead; one holding the separator, a quote or a line break is quoted.
    /// </summary>
    public string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.Contains(Separator, StringComparison.Ordinal) || value.IndexOfAny(['"', '\r', '\n']) >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_csv.ToString())];
}
