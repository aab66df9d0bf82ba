using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Assessment.Features.Competencies;

/// <summary>A learner's mastery of each competency of the cohort's course, over time.</summary>
/// <param name="Competencies">Every competency of the course (by code), then any code a released grade named that the course no longer has.</param>
internal sealed record LearnerCompetenciesResponse(Guid CohortId, Guid UserId, IReadOnlyList<CompetencyMasteryResponse> Competencies);

/// <summary>
/// GET /cohorts/{cohortId}/members/{userId}/competencies: for the learner themself, their mentor and the cohort's trainers and
/// org admins; everyone else 404, as for someone who is not a learner of the cohort.
/// </summary>
internal static class GetLearnerCompetencies
{
    public sealed record Query(Guid CohortId, Guid UserId) : IQuery<LearnerCompetenciesResponse>;

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, LearnerCompetenciesResponse>
    {
        public async ValueTask<LearnerCompetenciesResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            var access = await sender.Send(new GetCohortAccess(query.CohortId, me.Id), cancellationToken);
            var self = query.UserId == me.Id;
            if (access is null || !(self ? access.Can(CohortCapability.Learn) : access.CanActOn(query.UserId))
                // Staff reach every learner: the one asked about must be one (a mentor's learners are, by construction).
                || (!self && !access.MentoredLearnerIds.Contains(query.UserId)
                    && (await sender.Send(new GetCohortAccess(query.CohortId, query.UserId), cancellationToken))?.Can(CohortCapability.Learn) != true))
            {
                throw ProblemException.NotFound("This learner");
            }

            var competencies = await sender.Send(new GetCourseCompetencies(access.CourseId), cancellationToken);
            var series = CompetencyMastery.Series((await db.EvidenceAsync(query.CohortId, [query.UserId], cancellationToken))[query.UserId]);
            var known = competencies.Select(c => CompetencyMastery.Of(c.Code, c.Title, series.GetValueOrDefault(c.Code) ?? []));
            var retired = series.Where(s => !competencies.Any(c => string.Equals(c.Code, s.Key, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => CompetencyMastery.Of(s.Key, null, s.Value));
            return new LearnerCompetenciesResponse(query.CohortId, query.UserId, [.. known, .. retired]);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/members/{userId:guid}/competencies", async (Guid cohortId, Guid userId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, userId), ct)))
            .WithName("GetLearnerCompetencies")
            .WithSummary("A learner's mastery of each course competency over time (the learner; their mentor; trainers, org admins)")
            .WithDescription("Everyone else (other learners, other mentors, a partner's admin, outsiders) gets 404, as for someone who is not a learner of the cohort. Built from the learner's **released** grades only: each one whose rubric criteria are tied to a competency is a point of its `series`, dated by when the work was handed in, worth the chosen levels' points over those criteria's maxima, in percent (2 decimals; late penalties and score overrides do not count). `latest` is the last point, `average` the mean of the points, `trend` the latest minus the one before (percentage points; null with fewer than two points).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound);
}
