using FluentValidation;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Community.Contracts;

namespace Spoc.Modules.Community.Features.Calendar;

/// <summary>What an agenda entry is: a live session of one of the three kinds, or an assignment's due date.</summary>
public enum AgendaEntryKind
{
    Webinar,
    VirtualClass,
    InPerson,
    DueDate,
}

/// <summary>One entry of an agenda: a session, or an assignment's due date (an instant: no end).</summary>
/// <param name="Id">The session's id, or the assignment's.</param>
/// <param name="EndsAt">A session's end; null for a due date.</param>
/// <param name="GroupId">A session for one project group only; null for the whole cohort (and for due dates).</param>
/// <param name="Location">An in-person day's place, room and address; null otherwise.</param>
/// <param name="IsCancelled">A cancelled session, still shown as such.</param>
/// <param name="TimeZone">The cohort's time zone (IANA), how the times read there.</param>
/// <param name="PreparationDone">In the caller's own agenda, for a session of a cohort they learn in that has preparations: whether
/// they completed all of them (flipped classroom: prepare first). Null otherwise.</param>
internal sealed record AgendaEntry(
    AgendaEntryKind Kind, Guid Id, Guid CohortId, string Title, DateTimeOffset StartsAt, DateTimeOffset? EndsAt,
    Guid? GroupId, string? Location, bool IsCancelled, string TimeZone, bool? PreparationDone = null);

/// <summary>Sessions and due dates in a time range, merged and sorted by start.</summary>
internal sealed record AgendaResponse(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<AgendaEntry> Entries)
{
    public static AgendaResponse Of(
        DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<CalendarCohort> cohorts, IEnumerable<CalendarSession> sessions, IEnumerable<AssignmentDueDate> dueDates,
        IReadOnlyDictionary<Guid, bool>? preparationDone = null)
    {
        var zones = cohorts.ToDictionary(c => c.CohortId, c => c.TimeZone);
        return new(from, to, [.. sessions
            .Select(s => new AgendaEntry(KindOf(s.Kind), s.Id, s.CohortId, s.Title, s.StartsAt, s.EndsAt, s.GroupId, s.Location, s.IsCancelled, zones[s.CohortId],
                preparationDone is not null && preparationDone.TryGetValue(s.Id, out var done) ? done : null))
            .Concat(dueDates.Where(d => d.DueAt >= from && d.DueAt < to)
                .Select(d => new AgendaEntry(AgendaEntryKind.DueDate, d.AssignmentId, d.CohortId, d.Title, d.DueAt, null, null, null, false, zones[d.CohortId])))
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Kind).ThenBy(e => e.Id)]);
    }

    private static AgendaEntryKind KindOf(SessionKind kind) => kind switch
    {
        SessionKind.Webinar => AgendaEntryKind.Webinar,
        SessionKind.VirtualClass => AgendaEntryKind.VirtualClass,
        _ => AgendaEntryKind.InPerson,
    };
}

/// <summary>An agenda's range, <c>[from, to)</c>: both given, in order, at most <see cref="AgendaRangeValidator{T}.MaxDays"/> days (a month view with its edges, or a term's list).</summary>
internal interface IAgendaRange
{
    DateTimeOffset? From { get; }

    DateTimeOffset? To { get; }
}

internal class AgendaRangeValidator<T> : AbstractValidator<T>
    where T : IAgendaRange
{
    public const int MaxDays = 100;

    public AgendaRangeValidator()
    {
        RuleFor(q => q.From).NotNull();
        RuleFor(q => q.To).NotNull();
        RuleFor(q => q.To)
            .GreaterThan(q => q.From).WithMessage("'to' must be after 'from'.")
            .Must((q, to) => to - q.From <= TimeSpan.FromDays(MaxDays)).WithMessage($"The range spans at most {MaxDays} days.")
            .When(q => q.From is not null && q.To is not null);
    }
}
