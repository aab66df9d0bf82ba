using Spoc.Modules.Community.Contracts;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Community.Domain;

/// <summary>
/// A synchronous moment of a cohort (issue 13): a webinar, a virtual class or an in-person day, for the whole cohort or one
/// project group. Times are instants (UTC); the cohort's time zone says how they read. An occurrence of a weekly series
/// shares its <see cref="SeriesId"/> and can be moved or cancelled on its own.
/// </summary>
internal sealed class LiveSession : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CohortId { get; init; }

    /// <summary>The project group it is for; null for the whole cohort.</summary>
    public Guid? GroupId { get; set; }

    /// <summary>The weekly series it belongs to (the id shared by its occurrences), and its place in it (1-based).</summary>
    public Guid? SeriesId { get; init; }
    public int? Occurrence { get; init; }

    public required string Title { get; set; }

    /// <summary>What to expect and how to prepare, in Markdown; <see cref="DescriptionHtml"/> is its sanitized rendering.</summary>
    public string Description { get; set; } = "";
    public string DescriptionHtml { get; set; } = "";

    public SessionKind Kind { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>A virtual class's (or webinar's) meeting link: shown to members only, and only from shortly before the start.</summary>
    public string? MeetingUrl { get; set; }

    /// <summary>An in-person day's place, room and address.</summary>
    public string? Place { get; set; }
    public string? Room { get; set; }
    public string? Address { get; set; }

    /// <summary>The code learners type to check in (<see cref="CheckInCodes"/>); null until staff show one. Rotating it voids the old one.</summary>
    public string? CheckInCode { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancellationReason { get; set; }

    /// <summary>Bumped on every change its attendees see (time, place, link, cancellation): iCalendar's SEQUENCE.</summary>
    public int Sequence { get; set; }

    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The course activities to do before it (flipped classroom), in their order.</summary>
    public List<SessionPreparation> Preparations { get; init; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The attendance sheet's own ETag: staff's bulk writes are conditional on it, apart from the session's.</summary>
    public Guid AttendanceVersion { get; set; } = Guid.NewGuid();
}

/// <summary>One activity (Courses) to complete before a session.</summary>
internal sealed class SessionPreparation
{
    public Guid SessionId { get; init; }
    public Guid ActivityId { get; init; }
    public int Position { get; set; }
}
