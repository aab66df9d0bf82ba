using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Me;

/// <summary>GET /me: who the caller is, and where they belong with which role.</summary>
internal static class GetMe
{
    public sealed record Query : IQuery<Response>;

    public sealed record Membership(Guid OrganizationId, string Name, string Slug, OrganizationRole Role);

    public sealed record Response(Guid Id, string Email, string DisplayName, bool IsPlatformAdmin, IReadOnlyList<Membership> Organizations);

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Users.AsNoTracking()
                .Where(u => u.Id == me.Id)
                .Select(u => new Response(u.Id, u.Email, u.DisplayName, u.IsPlatformAdmin,
                    db.OrganizationMembers
                        .Where(m => m.UserId == u.Id)
                        .OrderBy(m => m.Organization.Name)
                        .Select(m => new Membership(m.OrganizationId, m.Organization.Name, m.Organization.Slug, m.Role))
                        .ToList()))
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw ProblemException.NotFound("Your account");
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/me", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new Query(), ct)))
            .WithName("GetMe")
            .WithSummary("The caller's profile with organisation memberships and roles")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
