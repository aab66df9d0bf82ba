using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Features.Partnerships;

/// <summary>POST /organizations/{organizationId}/partnerships/{cohortId}/decline: an admin of a partner organisation refuses: the partnership opens nothing. (<see cref="DecidePartnership"/>).</summary>
internal static class DeclinePartnership
{
    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/organizations/{organizationId:guid}/partnerships/{cohortId:guid}/decline", async (Guid organizationId, Guid cohortId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DecidePartnership.Command(cohortId, organizationId, Accept: false), ct)))
            .WithName("DeclinePartnership")
            .WithSummary("Decline a cohort's partnership for one's organisation (the partner's org admin)")
            .WithDescription("Until a partner accepts, its people cannot be added, enrolled, or see the cohort through it. 409 partnership-decided once the other answer was given.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CohortProblems.PartnershipDecided);
}
