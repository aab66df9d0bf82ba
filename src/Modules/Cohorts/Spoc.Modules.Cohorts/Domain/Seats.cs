using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;

namespace Spoc.Modules.Cohorts.Domain;

/// <summary>
/// Seats are taken and released by atomic conditional updates inside the caller's transaction, so that no
/// interleaving of concurrent admissions, acceptances and enrolments can oversell a cohort.
/// </summary>
internal static class Seats
{
    /// <summary>Takes <paramref name="count"/> seats if that many are left; otherwise takes none and returns false.</summary>
    public static async Task<bool> TryTakeAsync(this CohortsDbContext db, Guid cohortId, CancellationToken ct, int count = 1) =>
        await db.Cohorts
            .Where(c => c.Id == cohortId && c.SeatsTaken + count <= c.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SeatsTaken, c => c.SeatsTaken + count), ct) == 1;

    public static async Task TakeAsync(this CohortsDbContext db, Guid cohortId, CancellationToken ct)
    {
        if (!await db.TryTakeAsync(cohortId, ct))
        {
            throw CohortProblems.CohortFull.Exception();
        }
    }

    /// <summary>Adds the learner and queues <see cref="LearnerEnrolled"/>; the seat must already be taken.</summary>
    public static void Enrol(this CohortsDbContext db, Guid cohortId, Guid organizationId, Guid userId, EnrollmentSource source, DateTimeOffset now)
    {
        db.Members.Add(new CohortMember { CohortId = cohortId, UserId = userId, Role = CohortRole.Learner, JoinedAt = now });
        db.AddIntegrationEvent(new LearnerEnrolled(cohortId, organizationId, userId, source, now), now);
    }

    /// <summary>
    /// A learner leaves: their seat goes straight to the head of the waitlist when there is one (the seat never
    /// becomes free in between), otherwise it is released. Runs inside the caller's transaction; the caller saves.
    /// </summary>
    public static async Task LeaveAsync(this CohortsDbContext db, CohortMember learner, Guid organizationId, string cohortTitle, DateTimeOffset now, CancellationToken ct)
    {
        db.Members.Remove(learner);
        db.AddIntegrationEvent(new LearnerWithdrew(learner.CohortId, learner.UserId, now), now);
        await db.Members.Where(m => m.CohortId == learner.CohortId && m.MentorId == learner.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.MentorId, (Guid?)null).SetProperty(m => m.Version, Guid.NewGuid()).SetProperty(m => m.UpdatedAt, now), ct);

        // Someone waitlisted who has since joined another way (as staff, say) is not given a second seat.
        var head = await db.Applications
            .Where(a => a.CohortId == learner.CohortId && a.Status == ApplicationStatus.Waitlisted
                && a.ApplicantId != learner.UserId && !db.Members.Any(m => m.CohortId == a.CohortId && m.UserId == a.ApplicantId))
            .OrderBy(a => a.WaitlistedAt).ThenBy(a => a.Id)
            .FirstOrDefaultAsync(ct);
        if (head is null)
        {
            await db.Cohorts.Where(c => c.Id == learner.CohortId && c.SeatsTaken > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.SeatsTaken, c => c.SeatsTaken - 1), ct);
            return;
        }

        head.PromoteFromWaitlist(now);
        db.AddIntegrationEvent(new ApplicationDecided(learner.CohortId, cohortTitle, head.Id, head.ApplicantId, ApplicationStatus.Admitted, head.DecisionNote), now);
        db.Enrol(learner.CohortId, organizationId, head.ApplicantId, EnrollmentSource.Waitlist, now);
    }
}
