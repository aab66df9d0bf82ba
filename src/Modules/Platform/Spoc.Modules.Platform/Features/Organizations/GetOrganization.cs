using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Organizations;

/// <summary>GET /organizations/{orgId}: its members see it (with its ETag); to anyone else it does not exist.</summary>
internal static class GetOrganization
{
    public sealed record Query(Guid OrganizationId) : IQuery<OrganizationResponse>;

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me) : IQueryHandler<Query, OrganizationResponse>
    {
        public async ValueTask<OrganizationResponse> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Organizations.AsNoTracking()
                .Where(o => o.Id == query.OrganizationId && (me.IsPlatformAdmin || (o.SuspendedAt == null && o.Members.Any(m => m.UserId == me.Id))))
                .Select(o => new OrganizationResponse(o.Id, o.Name, o.Slug, o.CreatedAt, o.Members.Count, o.SuspendedAt, o.Version))
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw ProblemException.NotFound("This organisation");
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/organizations/{orgId:guid}", async (Guid orgId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(orgId), ct)))
            .WithName("GetOrganization")
            .WithSummary("An organisation the caller belongs to")
            .WithDescription("Any member of the organisation (or the platform admin); to anyone else, and to the members of a suspended one, it does not exist (404). Returns an `ETag` to send back as `If-Match` when renaming it.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound);
}
