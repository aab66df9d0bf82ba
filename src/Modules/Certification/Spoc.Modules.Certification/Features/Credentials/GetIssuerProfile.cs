using System.Text.Json.Nodes;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Certification.Features.Credentials;

/// <summary>GET /credentials/issuers/{organizationId}: the issuing organisation's Open Badges 3.0 Profile, where a credential's <c>issuer.id</c> resolves.</summary>
internal static class GetIssuerProfile
{
    /// <param name="OrganizationId">The issuing organisation.</param>
    public sealed record Query(Guid OrganizationId) : IQuery<string>;

    internal sealed class Handler(CertificationDbContext db, ISender sender, PublicSite site) : IQueryHandler<Query, string>
    {
        public async ValueTask<string> Handle(Query query, CancellationToken cancellationToken)
        {
            // Only an issuer has a profile: an anonymous caller does not learn the name of every organisation by its id.
            var issuer = await db.SigningKeys.AnyAsync(k => k.OrganizationId == query.OrganizationId, cancellationToken);
            var organization = (issuer ? (await sender.Send(new GetOrganizations([query.OrganizationId]), cancellationToken)).SingleOrDefault() : null)
                ?? throw ProblemException.NotFound("This issuer");
            return new JsonObject
            {
                ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
                ["id"] = CredentialKeys.IssuerUrl(site, organization.Id),
                ["type"] = new JsonArray("Profile"),
                ["name"] = organization.Name,
                ["url"] = site.Link("/"),
            }.ToJsonString();
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/credentials/issuers/{organizationId:guid}", async (Guid organizationId, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var profile = await sender.Send(new Query(organizationId), ct);
                http.Response.Headers.CacheControl = "public, max-age=3600";
                return TypedResults.Text(profile, "application/json");
            })
            .WithName("GetCredentialIssuer")
            .WithSummary("An issuing organisation's Open Badges 3.0 Profile (what a credential's issuer.id points to)")
            .WithDescription("Anyone, no sign-in: `{@context, id, type: [\"Profile\"], name, url}` with the organisation's current name (a credential keeps the name it was issued under). An organisation that has signed no credential, or an unknown one: 404.")
            .AllowAnonymous()
            .Produces<string>(StatusCodes.Status200OK, "application/json")
            .Problems(ProblemType.NotFound);
}
