namespace Spoc.Modules.Community.Domain;

/// <summary>
/// A user's secret calendar subscription (issue 13): the token in the feed's URL is shown once, and only its SHA-256 is
/// kept, so a leaked database does not leak anyone's agenda. One per user: regenerating replaces it, revoking removes it.
/// </summary>
internal sealed class CalendarFeed
{
    public Guid UserId { get; init; }

    /// <summary>The token's SHA-256, in lowercase hex.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
