using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.ApiClients;

/// <summary>GET /organizations/{orgId}/api-clients: the organisation's clients, newest first, the revoked ones last.</summary>
internal static class ListApiClients
{
    public sealed record Query(Guid OrganizationId, PageRequest Paging) : IQuery<PagedResult<ApiClientResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me, TimeProvider clock) : IQueryHandler<Query, PagedResult<ApiClientResponse>>
    {
        public async ValueTask<PagedResult<ApiClientResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            await db.RequireRoleAsync(query.OrganizationId, me, cancellationToken, OrganizationRole.OrgAdmin);
            var clients = db.ApiClients.AsNoTracking().Where(c => c.OrganizationId == query.OrganizationId)
                .OrderBy(c => c.RevokedAt != null).ThenByDescending(c => c.CreatedAt).ThenBy(c => c.Id);
            return await ApiClientResponse.Project(clients, clock.GetUtcNow()).ToPageAsync(query.Paging, cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/organizations/{orgId:guid}/api-clients", async (Guid orgId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(orgId, paging), ct)))
            .WithName("ListApiClients")
            .WithSummary("The organisation's API clients (org admin)")
            .WithDescription("Org admins only (other members 403, outsiders 404). Never a secret: each client lists the last four characters of the secrets that work now, its scopes, when it last got a token and whether it is revoked. Paged; newest first, revoked ones last.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
