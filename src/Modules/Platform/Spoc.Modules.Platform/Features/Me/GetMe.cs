using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Me;

/// <summary>GET /me: who the caller is, and where they belong with which role: organisations here, cohorts asked of Cohorts.</summary>
internal static class GetMe
{
    public sealed record Query : IQuery<Response>;

    public sealed record Membership(Guid OrganizationId, string Name, string Slug, OrganizationRole Role);

    public sealed record Response(Guid Id, string Email, string DisplayName, bool IsPlatformAdmin, IReadOnlyList<Membership> Organizations, IReadOnlyList<CohortMembership> Cohorts);

    internal sealed class Handler(PlatformDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var profile = await db.Users.AsNoTracking()
                .Where(u => u.Id == me.Id)
                .Select(u => new Response(u.Id, u.Email, u.DisplayName, u.IsPlatformAdmin,
                    db.OrganizationMembers
                        .Where(m => m.UserId == u.Id)
                        .OrderBy(m => m.Organization.Name)
                        .Select(m => new Membership(m.OrganizationId, m.Organization.Name, m.Organization.Slug, m.Role))
                        .ToList(),
                    new List<CohortMembership>()))
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw ProblemException.NotFound("Your account");
            return profile with { Cohorts = await sender.Send(new GetCohortMembershipsOfUser(me.Id), cancellationToken) };
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/me", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new Query(), ct)))
            .WithName("GetMe")
            .WithSummary("The caller's profile with organisation and cohort memberships and roles")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
