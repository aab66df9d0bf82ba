using System.Buffers.Text;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Certification.Data;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Certification.Features.Credentials;

/// <summary>
/// GET /credentials/status/{organizationId}: the organisation's revocation list as a W3C Bitstring Status List credential,
/// signed like the credentials: bit N set when the certificate whose credential holds index N is revoked.
/// </summary>
internal static class GetStatusList
{
    /// <summary>Bits per list: 131,072 (16 KB), the spec's minimum, so that a set bit hides among many (herd privacy).</summary>
    public const int Size = 131_072;

    /// <summary>What a VC-JWT is served as (IANA, registered by VC-JOSE-COSE).</summary>
    public const string MediaType = "application/vc+jwt";

    /// <param name="OrganizationId">The issuing organisation.</param>
    public sealed record Query(Guid OrganizationId) : IQuery<string>;

    internal sealed class Handler(CertificationDbContext db, CredentialKeys keys, PublicSite site, TimeProvider clock) : IQueryHandler<Query, string>
    {
        public async ValueTask<string> Handle(Query query, CancellationToken cancellationToken)
        {
            // Only an issuer has a list: an anonymous caller neither learns which organisations exist nor makes a key for one.
            if (!await db.SigningKeys.AnyAsync(k => k.OrganizationId == query.OrganizationId, cancellationToken))
            {
                throw ProblemException.NotFound("This issuer");
            }

            var revoked = await db.Certificates.AsNoTracking()
                .Where(c => c.IssuerOrganizationId == query.OrganizationId && c.Status == CertificateStatus.Revoked && c.StatusListIndex != null)
                .Select(c => c.StatusListIndex!.Value).ToListAsync(cancellationToken);
            var url = CredentialKeys.StatusListUrl(site, query.OrganizationId);
            var issuer = CredentialKeys.IssuerUrl(site, query.OrganizationId);
            var now = clock.GetUtcNow();
            var list = new JsonObject
            {
                ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
                ["id"] = url,
                ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
                ["issuer"] = issuer,
                ["validFrom"] = CredentialKeys.Timestamp(now),
                ["credentialSubject"] = new JsonObject
                {
                    ["id"] = url + "#list",
                    ["type"] = "BitstringStatusList",
                    ["statusPurpose"] = "revocation",
                    ["encodedList"] = Encode(revoked),
                },
                ["iss"] = issuer,
                ["nbf"] = now.ToUnixTimeSeconds(),
            };
            return keys.Sign(await keys.CurrentAsync(query.OrganizationId, cancellationToken), list);
        }
    }

    /// <summary>The spec's encoding: index 0 is the left-most bit of the first byte; GZIP, then base64url without padding behind the multibase prefix <c>u</c>.</summary>
    internal static string Encode(IEnumerable<int> setBits)
    {
        var bits = new byte[Size / 8];
        foreach (var index in setBits)
        {
            bits[index / 8] |= (byte)(0x80 >> (index % 8));
        }

        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize))
        {
            gzip.Write(bits);
        }

        return "u" + Base64Url.EncodeToString(compressed.ToArray());
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/credentials/status/{organizationId:guid}", async (Guid organizationId, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var jwt = await sender.Send(new Query(organizationId), ct);
                // Short: a revocation reaches verifiers within five minutes.
                http.Response.Headers.CacheControl = "public, max-age=300";
                return TypedResults.Text(jwt, MediaType);
            })
            .WithName("GetCredentialStatusList")
            .WithSummary("The organisation's revocation status list, a signed BitstringStatusListCredential (VC-JWT)")
            .WithDescription("Anyone, no sign-in: what a verifier fetches from a credential's `credentialStatus.statusListCredential`. A `BitstringStatusListCredential` (W3C Bitstring Status List v1.0, `statusPurpose` `revocation`) signed like the credentials (`typ` `vc+jwt`, a key of `GET /.well-known/jwks.json`). `encodedList`: 131,072 bits, index 0 the left-most bit of the first byte, GZIP-compressed, base64url without padding, prefixed `u` (multibase); a bit is 1 when the credential holding that `statusListIndex` is revoked. `Cache-Control: public, max-age=300`. An organisation that has signed no credential, or an unknown one: 404.")
            .AllowAnonymous()
            .Produces<string>(StatusCodes.Status200OK, MediaType)
            .Problems(ProblemType.NotFound);
}
