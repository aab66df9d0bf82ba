using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Users;

/// <summary>POST /users/{userId}/enable: the platform admin lets a disabled account in again (<see cref="DisableUser"/>'s command, the other way).</summary>
internal static class EnableUser
{
    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/users/{userId:guid}/enable", async (Guid userId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DisableUser.Command(userId, Disable: false), ct);
                return TypedResults.NoContent();
            })
            .WithName("EnableUser")
            .WithSummary("Enable a disabled account again (platform admin)")
            .WithDescription("Platform admin only (403 otherwise; an unknown account 404). The person signs in again with their password. Idempotent.")
            .RequireAuthorization(Policies.PlatformAdmin)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
