namespace Spoc.Modules.Community.Features.Calendar;

/// <summary>Whether the caller has a calendar subscription; its secret URL is shown only when it is created.</summary>
/// <param name="Active">A subscription URL exists and works.</param>
/// <param name="CreatedAt">When the current URL was made; null without one.</param>
internal sealed record CalendarFeedResponse(bool Active, DateTimeOffset? CreatedAt);

/// <summary>A new calendar subscription: its URL is shown this once, and any earlier one stops working.</summary>
/// <param name="Url">The feed of the caller's sessions and due dates, for a calendar app ("subscribe by URL"). Keep it secret: it opens the agenda without signing in.</param>
/// <param name="Token">The secret alone: staff subscribe to a cohort they run at <c>/api/v1/cohorts/{cohortId}/calendar.ics?token=</c> with it.</param>
/// <param name="CreatedAt">When it was made.</param>
internal sealed record CalendarSubscriptionResponse(string Url, string Token, DateTimeOffset CreatedAt);
