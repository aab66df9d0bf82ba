using Spoc.Modules.Community.Domain;

namespace Spoc.Modules.Community.Features.Notifications;

/// <summary>One entry of the caller's notification feed, written in their language when it happened.</summary>
/// <param name="Title">The line to show.</param>
/// <param name="Summary">More of it when there is more to say (a decision's note, the start of a message).</param>
/// <param name="Link">The web app's path that opens what it is about.</param>
/// <param name="ReadAt">When the caller read it; null while unread.</param>
internal sealed record NotificationResponse(Guid Id, NotificationKind Kind, string Title, string? Summary, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);
