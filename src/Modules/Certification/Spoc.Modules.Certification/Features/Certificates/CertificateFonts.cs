using PdfSharp.Fonts;

namespace Spoc.Modules.Certification.Features.Certificates;

/// <summary>
/// The fonts of the certificate PDF, shipped inside this assembly (Fonts/, DejaVu, licence beside them; docs/adr/0032):
/// PDFsharp's core build finds no font on Linux by itself, and a server's installed fonts would make the document depend
/// on the machine. DejaVu Sans covers Latin with its accents, Greek, Cyrillic, Armenian, Georgian, Hebrew and Arabic
/// letters (without right-to-left shaping); no CJK, Devanagari or Thai. Names and titles use it; DejaVu Serif Bold
/// draws only the document's own heading words. Their composites of composites are flattened (scripts/flatten-dejavu.py):
/// PDFsharp's subsetter would drop the inner accents.
/// </summary>
internal sealed class CertificateFonts : IFontResolver
{
    public const string Sans = "DejaVu Sans";
    public const string Serif = "DejaVu Serif";

    /// <summary>
    /// PDFsharp keeps one resolver for the whole process and refuses another once a font was used; every host in the
    /// process (the test suite starts many) goes through here, so it is set once.
    /// </summary>
    private static readonly Lazy<bool> Registered = new(() =>
    {
        GlobalFontSettings.FontResolver = new CertificateFonts();
        return true;
    });

    public static void EnsureRegistered() => _ = Registered.Value;

    /// <summary>Bold Sans and bold Serif have their own faces; italics are never asked for.</summary>
    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) => familyName switch
    {
        Sans => new FontResolverInfo(isBold ? "DejaVuSans-Bold" : "DejaVuSans"),
        Serif => new FontResolverInfo("DejaVuSerif-Bold"),
        _ => null,
    };

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(CertificateFonts).Assembly.GetManifestResourceStream($"Spoc.Certification.Fonts.{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }

        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
