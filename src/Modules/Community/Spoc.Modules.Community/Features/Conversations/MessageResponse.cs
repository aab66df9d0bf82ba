namespace Spoc.Modules.Community.Features.Conversations;

/// <summary>One message of a private conversation.</summary>
/// <param name="Body">The Markdown as written.</param>
/// <param name="BodyHtml">The same, rendered and sanitised: safe to insert as HTML.</param>
/// <param name="AuthorName">The author's display name.</param>
/// <param name="Mine">Whether the caller wrote it.</param>
internal sealed record MessageResponse(Guid Id, Guid AuthorId, string AuthorName, string Body, string BodyHtml, DateTimeOffset SentAt, bool Mine);
