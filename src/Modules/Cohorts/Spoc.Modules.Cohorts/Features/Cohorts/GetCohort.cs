using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Features.Cohorts;

/// <summary>GET /cohorts/{cohortId}: with its seats and waitlist; 404 to anyone who may not see it.</summary>
internal static class GetCohort
{
    public sealed record Query(Guid CohortId) : IQuery<CohortResponse>;

    internal sealed class Handler(CohortsDbContext db, CohortGate gate) : IQueryHandler<Query, CohortResponse>
    {
        public async ValueTask<CohortResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            var viewer = await gate.ViewerAsync(cancellationToken);
            // By its key, then the visibility rule in memory: one read of the cohort, and SQL that does not vary with the viewer's organisations.
            var cohort = await CohortResponse.ById(db, query.CohortId, viewer.UserId, cancellationToken);
            return cohort is not null && CohortGate.CanSee(viewer, cohort.OrganizationId, cohort.AdmissionMode, cohort.MyRole, cohort.ViewerApplied, cohort.Partnerships, cohort.OrganizationSuspended)
                ? cohort.For(viewer)
                : throw ProblemException.NotFound("This cohort");
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}", async (Guid cohortId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId), ct)))
            .WithName("GetCohort")
            .WithSummary("A cohort with seats taken, seats left and waitlist length")
            .WithDescription("Anyone who sees the cohort: its members and applicants, admins of its organisation or of an accepted partner, and, for an `Application` cohort, any signed-in person (only the people of its accepted partners when it names any); 404 otherwise. `capabilities` lists what the caller may do in it. The response carries an `ETag`: send it as `If-Match` on `PUT` (412 when stale), or as `If-None-Match` for a 304.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.CohortsRead)
            .Problems(ProblemType.NotFound);
}
