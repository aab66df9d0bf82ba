using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Features.Access;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.FollowUp.Features.Skills;

/// <summary>
/// GET /cohorts/{cohortId}/members/{userId}/skills: one learner's competencies, each with its mastery, the activities done
/// on it and when it was acquired ("acquired over time"), read from the rows kept up to date as grades and completions arrive.
/// </summary>
internal static class GetLearnerSkills
{
    public sealed record Query(Guid CohortId, Guid LearnerId) : IQuery<LearnerSkills>;

    /// <param name="Threshold">The mastery (percent) from which a competency counts as acquired: the cohort's pass mark.</param>
    /// <param name="Competencies">Every competency of the course, in its order of codes.</param>
    public sealed record LearnerSkills(Guid CohortId, Guid LearnerId, decimal Threshold, IReadOnlyList<LearnerSkill> Competencies);

    public sealed record LearnerSkill(string Code, string Title, SkillCell Skill);

    internal sealed class Handler(FollowUpDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : IQueryHandler<Query, LearnerSkills>
    {
        public async ValueTask<LearnerSkills> Handle(Query query, CancellationToken cancellationToken)
        {
            var access = await sender.Send(new GetCohortAccess(query.CohortId, me.Id), cancellationToken) ?? throw ProblemException.NotFound("This cohort");
            if (!(access.Role == CohortRole.Learner && query.LearnerId == me.Id))
            {
                await sender.FollowingLearnerAsync(db, query.CohortId, query.LearnerId, me.Id, cancellationToken);
            }

            await SkillsProjection.FillIfMissingAsync(db, sender, query.CohortId, query.LearnerId, clock.GetUtcNow(), cancellationToken);
            var competencies = await sender.Send(new GetCourseCompetencies(access.CourseId), cancellationToken);
            var threshold = (await sender.Send(new GetCohortMastery(query.CohortId, query.LearnerId), cancellationToken)).Threshold;
            var rows = await db.Skills.AsNoTracking().Where(s => s.CohortId == query.CohortId && s.LearnerId == query.LearnerId).ToListAsync(cancellationToken);
            return new LearnerSkills(query.CohortId, query.LearnerId, threshold, [.. competencies.Select(c => new LearnerSkill(c.Code, c.Title,
                SkillCell.Of(c.Code, rows.FirstOrDefault(r => string.Equals(r.CompetencyCode, c.Code, StringComparison.OrdinalIgnoreCase)))))]);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/members/{userId:guid}/skills", async (Guid cohortId, Guid userId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, userId), ct)))
            .WithName("GetLearnerSkills")
            .WithSummary("One learner's competencies: mastery, activities done and when each was acquired (staff, their mentor, the learner)")
            .WithDescription("Trainers and org admins (`ActOnAllLearners`) for any learner of the cohort, a mentor for their own learners (others 403), a learner for themselves (another learner 403); a partner's admin 403, outsiders and unknown learners 404. Every competency of the course, with the learner's latest mastery in percent (from released grades on rubric criteria tied to it; null before any), the course's activities working on it and how many the learner completed, its status (`Acquired` once the mastery has reached `threshold`, the cohort's pass mark; `InProgress` with any evidence or activity; `NotStarted`) and `acquiredAt`: when the work that first reached the threshold was handed in, kept even if a later grade falls back under it. Kept up to date as grades are released and activities completed.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
