using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Community.Features.Sessions;

/// <summary>
/// Who sees and does what with a cohort's live sessions (docs/adr/0028): its staff (trainers, its organisation's admins,
/// the platform admin: <c>ActOnAllLearners</c>) schedule, move, cancel and show the check-in code; mentors read every
/// session, the readiness and the attendance of their own learners, and record their own learners' attendance; a learner
/// reads the cohort's sessions and their own group's, and checks in. A session someone may not read is 404.
/// </summary>
internal sealed record SessionViewer(Guid UserId, CohortAccessInfo Access, Guid? GroupId)
{
    public Guid CohortId => Access.CohortId;

    /// <summary>Trainers and admins: they schedule and run sessions.</summary>
    public bool Manages => Access.Can(CohortCapability.ActOnAllLearners);

    /// <summary>Staff and mentors read every session (meeting link at any time) and follow learners (all, or their own).</summary>
    public bool Follows => Manages || Access.Can(CohortCapability.ActOnOwnMentees);

    public bool IsLearner => Access.Can(CohortCapability.Learn);

    public bool CanSee(LiveSession session) => session.CohortId == CohortId && (Follows || session.GroupId is null || session.GroupId == GroupId);

    /// <summary>Learners this viewer follows among <paramref name="learners"/>: all for staff, a mentor's own, nobody else.</summary>
    public IEnumerable<Guid> Followed(IEnumerable<Guid> learners) => learners.Where(Access.CanActOn);

    public void RequireManages()
    {
        if (!Manages)
        {
            throw ProblemException.Forbidden("Only the cohort's trainers and admins schedule and run its sessions.");
        }
    }
}

internal static class SessionAccess
{
    /// <summary>Outsiders 404; those who see the cohort without its inside (a partner's admin, an applicant) 403.</summary>
    public static async Task<SessionViewer> SessionViewerAsync(this ISender sender, Guid cohortId, Guid userId, CancellationToken ct)
    {
        var access = await sender.Send(new GetCohortAccess(cohortId, userId), ct) ?? throw ProblemException.NotFound("This cohort");
        return access.IsInside ? ViewerOf(access, userId) : throw ProblemException.Forbidden("Only the cohort's members and staff see its sessions.");
    }

    /// <summary>The SQL form of <see cref="SessionViewer.CanSee"/>.</summary>
    public static IQueryable<LiveSession> VisibleTo(this IQueryable<LiveSession> sessions, SessionViewer viewer)
    {
        var (cohortId, groupId) = (viewer.CohortId, viewer.GroupId);
        return viewer.Follows
            ? sessions.Where(s => s.CohortId == cohortId)
            : sessions.Where(s => s.CohortId == cohortId && (s.GroupId == null || s.GroupId == groupId));
    }

    /// <summary>The session with its preparations and who is looking; 404 for anyone who may not read it, whatever the reason.</summary>
    public static async Task<(LiveSession Session, SessionViewer Viewer)> ReadableSessionAsync(
        this CommunityDbContext db, ISender sender, Guid userId, Guid sessionId, CancellationToken ct, bool tracking = false)
    {
        var sessions = db.LiveSessions.Include(s => s.Preparations).Where(s => s.Id == sessionId);
        var session = await (tracking ? sessions : sessions.AsNoTracking()).FirstOrDefaultAsync(ct) ?? throw ProblemException.NotFound("This session");
        var access = await sender.Send(new GetCohortAccess(session.CohortId, userId), ct);
        var viewer = access is { IsInside: true } ? ViewerOf(access, userId) : null;
        return viewer is not null && viewer.CanSee(session) ? (session, viewer) : throw ProblemException.NotFound("This session");
    }

    /// <summary>The learners a session is for: its group's, or the whole cohort's.</summary>
    public static IReadOnlyList<Guid> LearnersOf(this CohortPeople people, LiveSession session) =>
        people.Members.Where(m => m.Role == CohortRole.Learner && (session.GroupId is null || m.GroupId == session.GroupId)).Select(m => m.UserId).Distinct().ToList();

    /// <summary>A learner's project group comes with their access (no query of its own); staff and mentors follow every group.</summary>
    private static SessionViewer ViewerOf(CohortAccessInfo access, Guid userId)
    {
        var learner = access.Can(CohortCapability.Learn) && !access.Can(CohortCapability.ActOnAllLearners) && !access.Can(CohortCapability.ActOnOwnMentees);
        return new SessionViewer(userId, access, learner ? access.GroupId : null);
    }
}

/// <summary>The times around a session, from configuration section <c>Sessions</c> (docs/adr/0028).</summary>
public sealed class LiveSessionOptions
{
    /// <summary>Learners not ready are reminded this long before the start.</summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the reminder job looks for sessions entering the lead.</summary>
    public TimeSpan ReminderCheck { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Members get the meeting link this long before the start, until the end.</summary>
    public TimeSpan JoinOpensBefore { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Check-in opens this long before the start and closes at the end.</summary>
    public TimeSpan CheckInOpensBefore { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A check-in later than this after the start records Late.</summary>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Check-in attempts per learner and session before a lockout.</summary>
    public int CheckInMaxAttempts { get; set; } = 5;

    public TimeSpan CheckInLockout { get; set; } = TimeSpan.FromMinutes(10);
}
