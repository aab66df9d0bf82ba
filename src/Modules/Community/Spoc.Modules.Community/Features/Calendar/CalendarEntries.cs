using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Community.Features.Calendar;

/// <summary>A cohort as a calendar reads it: its zone, and which of its sessions the reader sees.</summary>
/// <param name="SeesEveryGroup">Staff see every group's sessions; a learner their cohort's and their own group's.</param>
/// <param name="GroupId">The reader's project group there, if any.</param>
internal sealed record CalendarCohort(Guid CohortId, string? Title, string TimeZone, bool SeesEveryGroup, Guid? GroupId);

/// <summary>A session as calendars show it: never its meeting link (members see it on the session page, and only near the start).</summary>
/// <param name="Preparations">The activities to do before it: an agenda tells a learner whether they did them all.</param>
internal sealed record CalendarSession(
    Guid Id, Guid CohortId, Guid? GroupId, string Title, SessionKind Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string? Place, string? Room, string? Address, bool IsCancelled, string? CancellationReason, int Sequence, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<Guid> Preparations)
{
    /// <summary>An in-person day's place, room and address on one line; null for the others.</summary>
    public string? Location => string.Join(", ", new[] { Place, Room, Address }.Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } l ? l : null;
}

/// <summary>Who reads which cohorts' calendars, and the sessions they see there: the feeds and the agendas share it.</summary>
internal static class CalendarEntries
{
    /// <summary>Every cohort the user belongs to (one query): staff there see every session, a learner their own group's.</summary>
    public static async Task<IReadOnlyList<CalendarCohort>> CohortsOfAsync(this ISender sender, Guid userId, CancellationToken ct) =>
        [.. (await sender.Send(new GetCohortMembershipsOfUser(userId), ct))
            .Select(m => new CalendarCohort(m.CohortId, m.Title, m.TimeZone, m.Role != CohortRole.Learner, m.GroupId))];

    /// <summary>Where the reader learns, with each cohort's time zone: what Assessment needs for their own due dates.</summary>
    public static IReadOnlyList<LearnerCohortZone> LearnerZones(this IEnumerable<CalendarCohort> cohorts) =>
        [.. cohorts.Where(c => !c.SeesEveryGroup).Select(c => new LearnerCohortZone(c.CohortId, c.TimeZone))];

    /// <summary>
    /// One cohort as this user reads it: its members and staff (its organisation's admins included) read it; outsiders 404,
    /// those who see the cohort without its inside (a partner's admin, an applicant) 403.
    /// </summary>
    public static async Task<(CalendarCohort Cohort, bool IsLearner)> CohortAsync(this ISender sender, Guid cohortId, Guid userId, CancellationToken ct)
    {
        var access = await sender.Send(new GetCohortAccess(cohortId, userId), ct) ?? throw ProblemException.NotFound("This cohort");
        if (!access.IsInside)
        {
            throw ProblemException.Forbidden("Only the cohort's members and staff read its calendar.");
        }

        var staff = access.Can(CohortCapability.ActOnAllLearners) || access.Can(CohortCapability.ActOnOwnMentees);
        return (new CalendarCohort(cohortId, null, access.TimeZone, staff, staff ? null : access.GroupId), !staff && access.Can(CohortCapability.Learn));
    }

    /// <summary>The sessions of these cohorts the reader sees, cancelled ones included, by start, with their preparations; within [from, to) when both are given. One query.</summary>
    public static async Task<List<CalendarSession>> SessionsAsync(
        this CommunityDbContext db, IReadOnlyCollection<CalendarCohort> cohorts, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var within = from is not null && to is not null;
        return await SessionsOf(db, [.. cohorts.Select(c => c.CohortId)], [.. cohorts.Where(c => c.SeesEveryGroup).Select(c => c.CohortId)],
                [.. cohorts.Where(c => c.GroupId is not null).Select(c => c.GroupId!.Value)], within ? from : null, within ? to : null)
            .ToListAsync(ct);
    }

    // Compiled once, as every hot read (docs/performance.md): the agenda built this query's expression and looked it up in
    // EF's cache at every request.
    private static readonly Func<CommunityDbContext, List<Guid>, List<Guid>, List<Guid>, DateTimeOffset?, DateTimeOffset?, IAsyncEnumerable<CalendarSession>> SessionsOf =
        EF.CompileAsyncQuery((CommunityDbContext db, List<Guid> cohortIds, List<Guid> everyGroup, List<Guid> groupIds, DateTimeOffset? from, DateTimeOffset? to) =>
            db.LiveSessions.AsNoTracking()
                .Where(s => cohortIds.Contains(s.CohortId) && (s.GroupId == null || everyGroup.Contains(s.CohortId) || groupIds.Contains(s.GroupId.Value))
                    && (from == null || s.EndsAt > from) && (to == null || s.StartsAt < to))
                .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
                .Select(s => new CalendarSession(s.Id, s.CohortId, s.GroupId, s.Title, s.Kind, s.StartsAt, s.EndsAt, s.Place, s.Room, s.Address,
                    s.CancelledAt != null, s.CancellationReason, s.Sequence, s.CreatedAt, s.UpdatedAt, s.Preparations.Select(p => p.ActivityId).ToList())));
}
