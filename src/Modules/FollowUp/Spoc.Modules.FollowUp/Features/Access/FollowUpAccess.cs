using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.FollowUp.Features.Access;

/// <summary>
/// Who follows a cohort's learners up (docs/capabilities.md): its trainers and admins every learner, a mentor their own
/// learners only. Someone outside the cohort gets 404; a learner, or a mentor asking about someone else's learner, 403.
/// </summary>
internal static class FollowUpAccess
{
    /// <summary>The dashboard and other cohort-wide follow-up reads: staff, and mentors (who then see only their learners).</summary>
    public static async Task<CohortAccessInfo> FollowUpViewerAsync(this ISender sender, Guid cohortId, Guid userId, CancellationToken ct)
    {
        var access = await sender.Send(new GetCohortAccess(cohortId, userId), ct) ?? throw ProblemException.NotFound("This cohort");
        return access.Can(CohortCapability.ActOnAllLearners) || access.Can(CohortCapability.ActOnOwnMentees)
            ? access
            : throw ProblemException.Forbidden("Only the cohort's trainers, admins and mentors follow its learners up.");
    }

    /// <summary>What only the cohort's trainers and admins do (the risk rules, the skills matrix and its exports).</summary>
    public static async Task<CohortAccessInfo> FollowUpStaffAsync(this ISender sender, Guid cohortId, Guid userId, CancellationToken ct)
    {
        var access = await sender.Send(new GetCohortAccess(cohortId, userId), ct) ?? throw ProblemException.NotFound("This cohort");
        return access.Can(CohortCapability.ActOnAllLearners)
            ? access
            : throw ProblemException.Forbidden("Only the cohort's trainers and admins do this.");
    }

    /// <summary>
    /// One learner's journal, actions and timeline: staff, or the learner's own mentor (403 for anyone else inside). The
    /// learner must be, or have been, a learner of the cohort (404 otherwise): the projection knows those it has heard of,
    /// Cohorts answers for one enrolled a moment ago whose event is still on its way.
    /// </summary>
    public static async Task<CohortAccessInfo> FollowingLearnerAsync(
        this ISender sender, FollowUpDbContext db, Guid cohortId, Guid learnerId, Guid userId, CancellationToken ct)
    {
        var access = await sender.FollowUpViewerAsync(cohortId, userId, ct);
        // An admin enrolled as a learner holds both standings: their own journal stays closed to them.
        if (learnerId == userId || !access.CanActOn(learnerId))
        {
            throw ProblemException.Forbidden("A mentor follows up their own learners only.");
        }

        var known = access.MentoredLearnerIds.Contains(learnerId)
            || await db.Signals.AnyAsync(s => s.CohortId == cohortId && s.LearnerId == learnerId, ct)
            || (await sender.Send(new GetCohortAccess(cohortId, learnerId), ct))?.Role == CohortRole.Learner;
        return known ? access : throw ProblemException.NotFound("This learner");
    }
}
