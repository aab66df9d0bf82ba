using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.ApiClients;

/// <summary>POST /organizations/{orgId}/api-clients/{clientId}/revoke: for good; the client gets no token and the ones it holds stop.</summary>
internal static class RevokeApiClient
{
    public sealed record Command(Guid OrganizationId, Guid ClientId) : ICommand;

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.RequireRoleAsync(command.OrganizationId, me, cancellationToken, OrganizationRole.OrgAdmin);
            var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == command.ClientId && c.OrganizationId == command.OrganizationId, cancellationToken)
                ?? throw ProblemException.NotFound("This API client");
            if (client.RevokedAt is null)
            {
                client.RevokedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(cancellationToken);
            }

            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/organizations/{orgId:guid}/api-clients/{clientId:guid}/revoke", async (Guid orgId, Guid clientId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(orgId, clientId), ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeApiClient")
            .WithSummary("Revoke an API client for good (org admin)")
            .WithDescription("Org admins only (other members 403, outsiders 404). It gets no new token, and the tokens it holds stop working within 15 seconds (401). Revoking a revoked client changes nothing (204).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
