using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using QRCoder;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Certification.Domain;

namespace Spoc.Modules.Certification.Features.Certificates;

/// <summary>
/// The certificate as a one-page landscape A4 PDF (docs/adr/0032): who, what course and cohort, which organisations, the
/// cohort's dates and the issue date, the competencies and the final grade it attests, and how to check it (the
/// verification URL, its QR code drawn as vectors, the short code to type). A revoked certificate says so across the page.
/// Every text comes from the certificate's snapshot, so the document never changes except for its revocation.
/// </summary>
internal static class CertificatePdf
{
    private const double Width = 842; // A4 landscape, in points (297 × 210 mm)
    private const double Height = 595;
    private const double Margin = 64;

    private static readonly XColor Ink = XColor.FromArgb(0x1F, 0x3A, 0x5F);
    private static readonly XColor Gold = XColor.FromArgb(0xB0, 0x8D, 0x57);
    private static readonly XColor Muted = XColor.FromArgb(0x55, 0x5B, 0x66);
    private static readonly XColor Alarm = XColor.FromArgb(0xB4, 0x23, 0x18);

    /// <summary>The short code as printed and as people type it: three groups of four.</summary>
    public static string Grouped(string shortCode) => string.Join('-', shortCode.Chunk(4).Select(group => new string(group)));

    /// <param name="french">French texts (the course's language is French), else English.</param>
    public static byte[] Render(Certificate certificate, bool french, string verifyUrl)
    {
        CertificateFonts.EnsureRegistered();
        string T(string fr, string en) => french ? fr : en;

        using var document = new PdfDocument();
        document.Info.Title = $"{T("Certificat", "Certificate")} · {certificate.HolderName} · {certificate.CourseTitle}";
        document.Info.Author = certificate.OrganizationNames.FirstOrDefault() ?? "Spoc";
        document.Info.Subject = verifyUrl;
        document.Language = french ? "fr" : "en";
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(Width);
        page.Height = XUnit.FromPoint(Height);

        using (var gfx = XGraphics.FromPdfPage(page))
        {
            Frame(gfx);
            var text = Width - (2 * Margin);
            Line(gfx, string.Join("  ·  ", certificate.OrganizationNames), new(CertificateFonts.Sans, 12, false, Muted), 78, text, 9);
            Line(gfx, T("CERTIFICAT DE RÉUSSITE", "CERTIFICATE OF ACHIEVEMENT"), new(CertificateFonts.Serif, 30, true, Ink), 124, text);
            Line(gfx, T("décerné à", "awarded to"), new(CertificateFonts.Sans, 12, false, Muted), 160, text);
            Line(gfx, certificate.HolderName, new(CertificateFonts.Sans, 30, true, Ink), 200, text, 14);
            Line(gfx, T("pour avoir suivi avec succès la formation", "for successfully completing the course"), new(CertificateFonts.Sans, 12, false, Muted), 238, text);
            Line(gfx, certificate.CourseTitle, new(CertificateFonts.Sans, 20, true, Ink), 270, text, 10);
            Line(gfx, $"{certificate.CohortTitle}  ·  {Period(certificate.CohortStartsOn, certificate.CohortEndsOn, french)}", new(CertificateFonts.Sans, 11, false, Muted), 296, text, 8);

            var y = 322.0;
            if (certificate.FinalGrade is { } grade)
            {
                Line(gfx, T($"Note finale : {Percent(grade, french)}", $"Final grade: {Percent(grade, french)}"), new(CertificateFonts.Sans, 11, true, Ink), y, text);
                y += 22;
            }

            if (certificate.Competencies.Count > 0)
            {
                Line(gfx, T("Compétences acquises", "Competencies achieved"), new(CertificateFonts.Sans, 10, true, Ink), y, text);
                var list = string.Join("   ·   ", certificate.Competencies.Select(c => $"{c.Code} {c.Title}"));
                new XTextFormatter(gfx) { Alignment = XParagraphAlignment.Center }
                    .DrawString(list, Font(CertificateFonts.Sans, 9), new XSolidBrush(Muted), new XRect(Margin + 40, y + 8, text - 80, 404 - y), XStringFormats.TopLeft);
            }

            Footer(gfx, certificate, french, verifyUrl);
            if (certificate.Status == CertificateStatus.Revoked)
            {
                Revoked(gfx, Date(DateOnly.FromDateTime((certificate.RevokedAt ?? certificate.IssuedAt).UtcDateTime), french), french);
            }
        }

        using var pdf = new MemoryStream();
        document.Save(pdf);
        return pdf.ToArray();
    }

    private static void Frame(XGraphics gfx)
    {
        gfx.DrawRectangle(new XPen(Ink, 6), 22, 22, Width - 44, Height - 44);
        gfx.DrawRectangle(new XPen(Gold, 1.2), 34, 34, Width - 68, Height - 68);
        gfx.DrawLine(new XPen(Gold, 1), (Width / 2) - 60, 140, (Width / 2) + 60, 140);
    }

    /// <summary>Bottom left: who issued it and when; bottom right: the QR code, the URL under it and the short code beside it.</summary>
    private static void Footer(XGraphics gfx, Certificate certificate, bool french, string verifyUrl)
    {
        const double qrSize = 104;
        var qrLeft = Width - Margin - qrSize;
        const double qrTop = Height - 58 - qrSize;
        QrCode(gfx, verifyUrl, qrLeft, qrTop, qrSize);

        var issued = Date(DateOnly.FromDateTime(certificate.IssuedAt.UtcDateTime), french);
        Line(gfx, french ? $"Délivré le {issued}" : $"Issued on {issued}", new(CertificateFonts.Sans, 11, true, Ink), qrTop + 40, 300, 11, Margin, XStringFormats.BaseLineLeft);
        if (certificate.OrganizationNames.FirstOrDefault() is { } issuer)
        {
            Line(gfx, (french ? "par " : "by ") + issuer, new(CertificateFonts.Sans, 10, false, Muted), qrTop + 58, 300, 7, Margin, XStringFormats.BaseLineLeft);
        }

        var right = qrLeft - 12;
        Line(gfx, french ? "Vérifier ce certificat" : "Verify this certificate", new(CertificateFonts.Sans, 9, true, Ink), qrTop + 30, 300, 9, right - 300, XStringFormats.BaseLineRight);
        Line(gfx, verifyUrl, new(CertificateFonts.Sans, 8, false, Muted), qrTop + 46, 330, 5, right - 330, XStringFormats.BaseLineRight);
        Line(gfx, (french ? "Code : " : "Code: ") + Grouped(certificate.ShortCode), new(CertificateFonts.Sans, 12, true, Ink), qrTop + 68, 300, 9, right - 300, XStringFormats.BaseLineRight);
    }

    /// <summary>Vector modules (crisp at any zoom, a few hundred bytes): each row's runs of dark modules as one path, quiet zone included.</summary>
    private static void QrCode(XGraphics gfx, string text, double left, double top, double size)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var module = size / rows.Count;
        var path = new XGraphicsPath();
        for (var row = 0; row < rows.Count; row++)
        {
            for (var column = 0; column < rows[row].Length; column++)
            {
                if (!rows[row][column])
                {
                    continue;
                }

                var run = column;
                while (run + 1 < rows[row].Length && rows[row][run + 1])
                {
                    run++;
                }

                // A hair taller than a module, so that no viewer shows seams between rows.
                path.AddRectangle(left + (column * module), top + (row * module), (run - column + 1) * module, module + 0.05);
                column = run;
            }
        }

        gfx.DrawRectangle(XBrushes.White, left, top, size, size);
        gfx.DrawPath(XBrushes.Black, path);
    }

    /// <summary>A banner at the top and the word across the page: a revoked certificate must not pass for a valid one, even printed.</summary>
    private static void Revoked(XGraphics gfx, string revokedOn, bool french)
    {
        var word = french ? "RÉVOQUÉ" : "REVOKED";
        var state = gfx.Save();
        gfx.RotateAtTransform(-28, new XPoint(Width / 2, Height / 2));
        gfx.DrawString(word, Font(CertificateFonts.Sans, 120, bold: true), new XSolidBrush(XColor.FromArgb(70, Alarm)), new XRect(0, 0, Width, Height), XStringFormats.Center);
        gfx.Restore(state);

        gfx.DrawRectangle(new XSolidBrush(Alarm), 22, 22, Width - 44, 30);
        var banner = french ? $"{word} le {revokedOn} : ce certificat n’est plus valide" : $"{word} on {revokedOn}: this certificate is no longer valid";
        gfx.DrawString(banner, Font(CertificateFonts.Sans, 13, bold: true), XBrushes.White, new XRect(22, 22, Width - 44, 30), XStringFormats.Center);
    }

    /// <summary>A face, a size and a colour.</summary>
    private sealed record Look(string Family, double Size, bool Bold, XColor Color);

    /// <summary>
    /// One line centred on <paramref name="baseline"/> (or aligned as <paramref name="format"/> says), its font shrunk point
    /// by point down to <paramref name="minSize"/> until it fits <paramref name="width"/>; past that it is cut with an ellipsis.
    /// </summary>
    private static void Line(
        XGraphics gfx, string text, Look look, double baseline, double width, double? minSize = null, double left = Margin, XStringFormat? format = null)
    {
        var size = look.Size;
        var font = Font(look.Family, size, look.Bold);
        while (gfx.MeasureString(text, font).Width > width && size > (minSize ?? look.Size))
        {
            size--;
            font = Font(look.Family, size, look.Bold);
        }

        while (gfx.MeasureString(text, font).Width > width && text.Length > 1)
        {
            text = text[..^2].TrimEnd() + "…";
        }

        format ??= XStringFormats.BaseLineCenter;
        var x = format.Alignment switch
        {
            XStringAlignment.Near => left,
            XStringAlignment.Far => left + width,
            _ => left + (width / 2),
        };
        gfx.DrawString(text, font, new XSolidBrush(look.Color), new XPoint(x, baseline), format);
    }

    /// <summary>Unicode encoding, so that any script DejaVu draws is embedded and reads back as text (copy, search, screen readers).</summary>
    private static XFont Font(string family, double size, bool bold = false) =>
        new(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

    private static string Percent(decimal value, bool french) =>
        french ? value.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',') + " %" : value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Period(DateOnly from, DateOnly to, bool french) =>
        french ? $"du {Date(from, true)} au {Date(to, true)}" : $"{Date(from, false)} – {Date(to, false)}";

    /// <summary>Written out rather than read from a culture: a server without ICU data knows none (see ExportGradebook).</summary>
    private static string Date(DateOnly date, bool french) => french
        ? $"{(date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture))} {FrenchMonths[date.Month - 1]} {date.Year}"
        : $"{date.Day} {EnglishMonths[date.Month - 1]} {date.Year}";

    private static readonly string[] FrenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
    private static readonly string[] EnglishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
}
