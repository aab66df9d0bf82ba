namespace Spoc.SharedKernel.Text;

/// <summary>
/// What text from users may hold, so that no title, name or note can break a mail header, a CSV line, a log line or
/// a page: no control characters (single-line text: none at all; multi-line text: tab and newline only), no line or
/// paragraph separators, no bidirectional overrides or isolates (they make "txt.exe" display as "exe.txt"). The
/// bidirectional marks U+200E, U+200F and U+061C stay allowed: they cannot reorder text and right-to-left writers need them.
/// </summary>
public static class PlainText
{
    public const string SingleLineMessage = "One line of plain text: no line breaks, tabs, control characters or bidirectional override characters.";
    public const string MultiLineMessage = "Plain text: no control characters other than tabs and line breaks, and no bidirectional override characters.";
    public const string InvisibleMessage = "Write visible characters, not only spaces or invisible ones.";

    /// <summary>
    /// What renders as nothing: whitespace, format characters (zero-width spaces and joiners, U+2060, BOM, soft hyphen,
    /// bidi marks) and the fillers that pass for a blank name (Hangul fillers, the blank Braille pattern).
    /// </summary>
    public static bool IsBlank(char c) =>
        char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format
        || c is '\u115F' or '\u1160' or '\u2800' or '\u3164' or '\uFFA0';

    /// <summary>Without the blank characters at either end.</summary>
    public static string Trim(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsBlank(text[start]))
        {
            start++;
        }

        while (end > start && IsBlank(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary>Every line break (CRLF, a lone CR) as <c>\n</c>.</summary>
    public static string NormalizeNewlines(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    public static bool IsSingleLine(string text) => !text.Any(c => char.IsControl(c) || IsForbidden(c));

    public static bool IsMultiLine(string text) => !text.Any(c => (char.IsControl(c) && c is not ('\n' or '\t')) || IsForbidden(c));

    public static bool IsOnlyBlank(string text) => text.Length > 0 && text.All(IsBlank);

    private static bool IsForbidden(char c) => c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
