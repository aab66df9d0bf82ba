using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Organizations;

/// <summary>GET /organizations: the organisations the caller belongs to (not the suspended ones); all of them for the platform admin.</summary>
internal static class ListOrganizations
{
    public sealed record Query(PageRequest Paging) : IQuery<PagedResult<OrganizationResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me) : IQueryHandler<Query, PagedResult<OrganizationResponse>>
    {
        public async ValueTask<PagedResult<OrganizationResponse>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Organizations.AsNoTracking()
                .Where(o => me.IsPlatformAdmin || (o.SuspendedAt == null && o.Members.Any(m => m.UserId == me.Id)))
                .OrderBy(o => o.Name).ThenBy(o => o.Id)
                .Select(o => new OrganizationResponse(o.Id, o.Name, o.Slug, o.CreatedAt, o.Members.Count, o.SuspendedAt, o.Version))
                .ToPageAsync(query.Paging, cancellationToken);
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/organizations", async ([AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(paging), ct)))
            .WithName("ListOrganizations")
            .WithSummary("The organisations the caller belongs to (all of them for the platform admin)")
            .WithDescription("Any signed-in user; ordered by name and paged.")
            .RequireAuthorization(Policies.SignedIn);
}
