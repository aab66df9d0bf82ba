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

namespace Spoc.Modules.Platform.Features.Organizations;

/// <summary>GET /organizations/{orgId}/members: the org admin's directory, filterable by role.</summary>
internal static class ListOrganizationMembers
{
    public sealed record Query(Guid OrganizationId, OrganizationRole? Role, PageRequest Paging) : IQuery<PagedResult<Member>>;

    public sealed record Member(Guid UserId, string Email, string DisplayName, OrganizationRole Role, DateTimeOffset JoinedAt);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me) : IQueryHandler<Query, PagedResult<Member>>
    {
        public async ValueTask<PagedResult<Member>> Handle(Query query, CancellationToken cancellationToken)
        {
            await db.RequireRoleAsync(query.OrganizationId, me, cancellationToken, OrganizationRole.OrgAdmin);
            return await db.OrganizationMembers.AsNoTracking()
                .Where(m => m.OrganizationId == query.OrganizationId && (query.Role == null || m.Role == query.Role))
                .OrderBy(m => m.User.DisplayName).ThenBy(m => m.UserId)
                .Select(m => new Member(m.UserId, m.User.Email, m.User.DisplayName, m.Role, m.JoinedAt))
                .ToPageAsync(query.Paging, cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/organizations/{orgId:guid}/members", async (Guid orgId, OrganizationRole? role, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(orgId, role, paging), ct)))
            .WithName("ListOrganizationMembers")
            .WithSummary("Members of an organisation with their roles (org admin)")
            .WithDescription("Org admins only (other members 403, outsiders 404). `role` filters by organisation role; paged.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.MembersRead)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
