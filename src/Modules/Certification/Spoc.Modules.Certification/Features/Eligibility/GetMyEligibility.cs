using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Certification.Features.Eligibility;

/// <summary>GET /cohorts/{cohortId}/certification/eligibility/me: a learner's own progress towards their certificate ("il vous manque...").</summary>
internal static class GetMyEligibility
{
    public sealed record Query(Guid CohortId) : IQuery<LearnerEligibility>;

    internal sealed class Handler(CertificationDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, LearnerEligibility>
    {
        public async ValueTask<LearnerEligibility> Handle(Query query, CancellationToken cancellationToken)
        {
            var access = await sender.Send(new GetCohortAccess(query.CohortId, me.Id), cancellationToken) ?? throw ProblemException.NotFound("This cohort");
            if (!access.Can(CohortCapability.Learn))
            {
                throw ProblemException.Forbidden("Only the cohort's learners have a progress towards its certificate.");
            }

            return (await db.AssessAsync(sender, access, [me.Id], withMastery: false, cancellationToken)).Learners.SingleOrDefault()
                ?? throw ProblemException.NotFound("Your place in this cohort");
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/certification/eligibility/me", async (Guid cohortId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId), ct)))
            .WithName("GetMyCertificationEligibility")
            .WithSummary("The caller's own progress towards the cohort's certificate (learners)")
            .WithDescription("A learner of the cohort only (staff, mentors and a partner's admin 403; outsiders 404): the same criteria as a row of `.../eligibility`, with their figures, the required assignments not passed yet and the competencies not mastered yet, and their certificate if one was issued. What the web app turns into \"Il vous manque : ...\".")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
