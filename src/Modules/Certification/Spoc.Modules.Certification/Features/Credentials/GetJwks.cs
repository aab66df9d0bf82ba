using System.Text.Json.Nodes;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Certification.Data;

namespace Spoc.Modules.Certification.Features.Credentials;

/// <summary>
/// GET /.well-known/jwks.json: every organisation's public signing keys, retired ones included, so that every credential
/// ever signed still verifies (docs/adr/0031). The private keys never leave the database's ciphertext.
/// </summary>
internal static class GetJwks
{
    public sealed record Query : IQuery<string>;

    internal sealed class Handler(CertificationDbContext db) : IQueryHandler<Query, string>
    {
        public async ValueTask<string> Handle(Query query, CancellationToken cancellationToken)
        {
            var keys = await db.SigningKeys.AsNoTracking().OrderBy(k => k.CreatedAt).Select(k => k.PublicJwk).ToListAsync(cancellationToken);
            return new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => JsonNode.Parse(k))]) }.ToJsonString();
        }
    }

    /// <summary>At the root, where JOSE verifiers look (RFC 8615), not under /api/v1.</summary>
    public static void MapEndpoint(IEndpointRouteBuilder root) =>
        root.MapGet("/.well-known/jwks.json", async (HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var jwks = await sender.Send(new Query(), ct);
                // Short enough that a new key is seen soon after a rotation; verifiers refetch on an unknown kid anyway.
                http.Response.Headers.CacheControl = "public, max-age=300";
                return TypedResults.Text(jwks, "application/json");
            })
            .WithTags("Certification")
            .WithName("GetJwks")
            .WithSummary("The public keys that verify the credentials and status lists (JWK Set)")
            .WithDescription("Anyone, no sign-in; at the root, not under `/api/v1`. A JWK Set (RFC 7517): each organisation's ES256 (P-256) keys with `kid` (the key's RFC 7638 thumbprint), `alg` and `use`, the retired ones too: a credential keeps verifying after its key stopped signing. `Cache-Control: public, max-age=300`.")
            .AllowAnonymous()
            .Produces<string>(StatusCodes.Status200OK, "application/json");
}
