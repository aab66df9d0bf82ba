using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Organizations;

/// <summary>POST /organizations/{orgId}/reactivate: the platform admin switches a suspended organisation on again (<see cref="SuspendOrganization"/>'s command, the other way).</summary>
internal static class ReactivateOrganization
{
    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/organizations/{orgId:guid}/reactivate", async (Guid orgId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SuspendOrganization.Command(orgId, Suspend: false), ct)))
            .WithName("ReactivateOrganization")
            .WithSummary("Reactivate a suspended organisation (platform admin)")
            .WithDescription("Platform admin only (403 otherwise; an unknown organisation 404). Its members get their roles back as they were. Idempotent.")
            .RequireAuthorization(Policies.PlatformAdmin)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
