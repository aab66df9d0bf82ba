using System.Text.Json.Serialization;
using Mediator;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Api.Compositions;

/// <summary>
/// GET /me: who the caller is (with their language, fr or en), and where they belong with which role. It spans two
/// modules, so the host composes it: Platform answers the person and their organisations, Cohorts their cohorts. Neither
/// module asks the other, which keeps the module graph acyclic (docs/architecture.md, "Module graph").
/// </summary>
internal static class GetMe
{
    public sealed record Query : IQuery<Response>;

    public sealed record Membership(Guid OrganizationId, string Name, string Slug, OrganizationRole Role);

    public sealed record Response(Guid Id, string Email, string DisplayName, string Language, bool IsPlatformAdmin, IReadOnlyList<Membership> Organizations, IReadOnlyList<CohortMembership> Cohorts,
        [property: JsonIgnore] Guid Version) : IVersioned; // its ETag (profile version and content digest): If-Match on PUT /me, If-None-Match here

    internal sealed class Handler(ISender sender, ICurrentUser me) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var profile = await sender.Send(new GetUserProfile(me.Id), cancellationToken) ?? throw ProblemException.NotFound("Your account");
            var cohorts = await sender.Send(new GetCohortMembershipsOfUser(me.Id), cancellationToken);
            return new Response(profile.Id, profile.Email, profile.DisplayName, profile.Language, profile.IsPlatformAdmin,
                [.. profile.Organizations.Select(o => new Membership(o.OrganizationId, o.Name, o.Slug, o.Role))], cohorts, profile.Version);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/me", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new Query(), ct)))
            .WithName("GetMe")
            .WithTags("Platform")
            .WithSummary("The caller's profile with organisation and cohort memberships and roles")
            .WithDescription("Any signed-in user: their profile and language (fr, en), the organisations they belong to with their role, and their cohorts with their cohort role. Returns an `ETag` to send as `If-Match` on `PUT /me`.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound);
}
