using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Assessment.Features.Gradebook;

/// <summary>GET /cohorts/{cohortId}/gradebook/policy: the cohort's gradebook policy, or the default one when none was set.</summary>
internal static class GetGradebookPolicy
{
    public sealed record Query(Guid CohortId) : IQuery<GradebookPolicyResponse>;

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, GradebookPolicyResponse>
    {
        public async ValueTask<GradebookPolicyResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            await RequireManagerAsync(sender, query.CohortId, me.Id, cancellationToken);
            var policy = await db.GradebookPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.CohortId == query.CohortId, cancellationToken);
            return GradebookPolicyResponse.From(policy ?? GradebookPolicy.DefaultFor(query.CohortId));
        }
    }

    /// <summary>Outsiders 404; inside, only those who manage the cohort's assignments (trainers, org admins) read or set the policy.</summary>
    public static async Task RequireManagerAsync(ISender sender, Guid cohortId, Guid callerId, CancellationToken ct)
    {
        if (!(await sender.RequireInsideAsync(cohortId, callerId, ct)).Can(CohortCapability.ManageAssignments))
        {
            throw ProblemException.Forbidden("Only the cohort's trainers and org admins set its gradebook policy.");
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/gradebook/policy", async (Guid cohortId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId), ct)))
            .WithName("GetGradebookPolicy")
            .WithSummary("The cohort's gradebook policy (trainers, org admins)")
            .WithDescription("Requires `ManageAssignments` (mentors and learners 403; outsiders 404). A cohort without a policy answers the default one (`isDefault: true`): no categories, so every assignment counts by its points (the released points over their maximum); pass mark 50; missing work not counted. Answers an `ETag` for `PUT` (`If-Match`); the default's matches a first `PUT`.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
