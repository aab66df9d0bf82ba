namespace Spoc.SharedKernel.Email;

/// <summary>The languages the platform speaks, in the web app and in mail. French unless the person chose English.</summary>
public static class Languages
{
    public const string French = "fr";
    public const string English = "en";

    public static readonly IReadOnlyList<string> Supported = [French, English];

    public static string Normalize(string? language) => language == English ? English : French;
}

/// <summary>
/// Where mails point back to: <c>Spoc:PublicUrl</c>, or else the address the server was launched on.
/// Handlers run outside any request, so there is no request URL to echo.
/// </summary>
public sealed class PublicSite(Func<string> baseUrl)
{
    public string Link(string pathAndQuery) => baseUrl().TrimEnd('/') + pathAndQuery;
}

/// <summary>
/// The frame every mail shares, in the recipient's language: greeting, the text, the link to act on, and a way back to
/// the platform. Each module keeps its own wording in a small template class beside the handler that sends it.
/// </summary>
public static class MailTemplate
{
    /// <summary>The recipient's name may be null: someone without an account yet is greeted without one.</summary>
    public static EmailMessage Compose(string to, string language, string? displayName, string subject, string text, string link, PublicSite site)
    {
        var greeting = In(language, "Bonjour", "Hello") + (displayName is null ? "," : $" {displayName},");
        return new(to, subject, $"{greeting}\n\n{text}\n\n{link}\n\n-- \nSpoc · {site.Link("/")}\n");
    }

    /// <summary>The French text or the English one, after the recipient's language.</summary>
    public static T In<T>(string language, T french, T english) => Languages.Normalize(language) == Languages.English ? english : french;
}
