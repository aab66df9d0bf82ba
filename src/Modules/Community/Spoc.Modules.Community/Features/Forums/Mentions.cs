using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>
/// <c>@Display Name</c> in a post names a member who can read its thread. Mentions are found in the text of the already
/// sanitised HTML (never inside code, pre or links), longest name first and case-insensitively, and become
/// <c>&lt;span class="mention" data-user-id="…"&gt;@Name&lt;/span&gt;</c> built as DOM nodes: a name is text, whatever it holds.
/// </summary>
internal static class Mentions
{
    private static readonly HtmlParser Parser = new();

    public sealed record Candidate(Guid UserId, string Name);

    public static (string Html, List<Guid> UserIds) Render(string safeHtml, IReadOnlyList<Candidate> candidates)
    {
        var names = candidates.Where(c => c.Name.Length > 0).OrderByDescending(c => c.Name.Length).ToList();
        if (names.Count == 0 || !safeHtml.Contains('@', StringComparison.Ordinal))
        {
            return (safeHtml, []);
        }

        var document = Parser.ParseDocument("");
        var body = document.Body!;
        body.InnerHtml = safeHtml;
        var found = new List<Guid>();
        var texts = body.Descendants<IText>().Where(t => !t.Ancestors<IElement>().Any(e => e.LocalName is "code" or "pre" or "a")).ToList();
        foreach (var text in texts)
        {
            var nodes = new List<INode>();
            var data = text.Data;
            var start = 0;
            for (var i = data.IndexOf('@', StringComparison.Ordinal); i >= 0 && i < data.Length; i = data.IndexOf('@', i + 1))
            {
                if (i > 0 && char.IsLetterOrDigit(data[i - 1]))
                {
                    continue; // an address (name@example.org), not a mention
                }

                var match = names.FirstOrDefault(n => string.Compare(data, i + 1, n.Name, 0, n.Name.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (i + 1 + n.Name.Length == data.Length || !char.IsLetterOrDigit(data[i + 1 + n.Name.Length])));
                if (match is null)
                {
                    continue;
                }

                nodes.Add(document.CreateTextNode(data[start..i]));
                var span = document.CreateElement("span");
                span.ClassName = "mention";
                span.SetAttribute("data-user-id", match.UserId.ToString());
                span.TextContent = "@" + match.Name;
                nodes.Add(span);
                found.Add(match.UserId);
                start = i + 1 + match.Name.Length;
                i = start - 1;
            }

            if (nodes.Count > 0)
            {
                nodes.Add(document.CreateTextNode(data[start..]));
                text.Before([.. nodes]);
                text.Remove();
            }
        }

        return found.Count == 0 ? (safeHtml, []) : (body.InnerHtml, found.Distinct().ToList());
    }
}
