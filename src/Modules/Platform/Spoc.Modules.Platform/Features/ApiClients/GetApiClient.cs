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

/// <summary>GET /organizations/{orgId}/api-clients/{clientId}: one client, with the ETag its update expects.</summary>
internal static class GetApiClient
{
    public sealed record Query(Guid OrganizationId, Guid ClientId) : IQuery<ApiClientResponse>;

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me, TimeProvider clock) : IQueryHandler<Query, ApiClientResponse>
    {
        public async ValueTask<ApiClientResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            await db.RequireRoleAsync(query.OrganizationId, me, cancellationToken, OrganizationRole.OrgAdmin);
            return await ApiClientResponse.Project(db.ApiClients.AsNoTracking().Where(c => c.Id == query.ClientId && c.OrganizationId == query.OrganizationId), clock.GetUtcNow())
                .FirstOrDefaultAsync(cancellationToken) ?? throw ProblemException.NotFound("This API client");
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/organizations/{orgId:guid}/api-clients/{clientId:guid}", async (Guid orgId, Guid clientId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(orgId, clientId), ct)))
            .WithName("GetApiClient")
            .WithSummary("One API client of the organisation (org admin)")
            .WithDescription("Org admins only (other members 403, outsiders 404; a client of another organisation is 404). Never its secret. Returns an `ETag` to send back as `If-Match` when changing it.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
