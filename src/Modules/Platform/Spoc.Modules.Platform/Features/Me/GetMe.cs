using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Me;

/// <summary>GET /me: who the caller is (with their language, fr or en), and where they belong with which role: organisations here, cohorts asked of Cohorts.</summary>
internal static class GetMe
{
    public sealed record Query : IQuery<Response>;

    public sealed record Membership(Guid OrganizationId, string Name, string Slug, OrganizationRole Role);

    public sealed record Response(Guid Id, string Email, string DisplayName, string Language, bool IsPlatformAdmin, IReadOnlyList<Membership> Organizations, IReadOnlyList<CohortMembership> Cohorts,
        [property: System.Text.Json.Serialization.JsonIgnore] Guid Version);

    internal sealed class Handler(PlatformDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var profile = await db.Users.AsNoTracking()
                .Where(u => u.Id == me.Id)
                .Select(u => new Response(u.Id, u.Email, u.DisplayName, u.PreferredLanguage, u.IsPlatformAdmin,
                    db.OrganizationMembers
                        .Where(m => m.UserId == u.Id)
                        .OrderBy(m => m.Organization.Name)
                        .Select(m => new Membership(m.OrganizationId, m.Organization.Name, m.Organization.Slug, m.Role))
                        .ToList(),
                    new List<CohortMembership>(),
                    u.Version))
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw ProblemException.NotFound("Your account");
            return profile with { Cohorts = await sender.Send(new GetCohortMembershipsOfUser(me.Id), cancellationToken) };
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/me", async (ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var me = await sender.Send(new Query(), ct);
                http.Response.Headers.ETag = ETags.Of(me.Version); // for If-Match on PUT /me
                return TypedResults.Ok(me);
            })
            .WithName("GetMe")
            .WithSummary("The caller's profile with organisation and cohort memberships and roles")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
