using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Domain;
using Spoc.Modules.Certification.Features.Certificates;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Certification.Features.Credentials;

/// <summary>
/// GET /certificates/{certificateId}/credential: the certificate as an Open Badges 3.0 <c>OpenBadgeCredential</c> signed as a
/// VC-JWT by its issuing organisation's key (docs/adr/0031). Made on first request with a random place in the issuer's status
/// list, then kept: a later key rotation never changes a credential already handed out.
/// </summary>
internal static class GetCredential
{
    /// <param name="CertificateId">The certificate's id.</param>
    public sealed record Query(Guid CertificateId) : IQuery<Credential>;

    /// <summary>The compact VC-JWT, and the short code that names its file.</summary>
    public sealed record Credential(string Jwt, string ShortCode);

    internal sealed class Handler(CertificationDbContext db, ISender sender, ICurrentUser me, CredentialKeys keys, PublicSite site) : IQueryHandler<Query, Credential>
    {
        public async ValueTask<Credential> Handle(Query query, CancellationToken cancellationToken)
        {
            var certificate = await db.ReadableCertificateAsync(sender, me.Id, query.CertificateId, cancellationToken);
            if (certificate.CredentialJwt is { } made)
            {
                return new Credential(made, certificate.ShortCode);
            }

            // A revoked certificate keeps the credential it had; none is signed for it afterwards.
            if (certificate.Status == CertificateStatus.Revoked)
            {
                throw CertificationProblems.CertificateRevoked.Exception();
            }

            var key = await keys.CurrentAsync(certificate.IssuerOrganizationId, cancellationToken);
            for (var attempt = 1; ; attempt++)
            {
                // Random, so that a list's bits say nothing about the order or number of certificates issued.
                var index = RandomNumberGenerator.GetInt32(GetStatusList.Size);
                var jwt = keys.Sign(key, OpenBadge(certificate, index, site));
                try
                {
                    // Only if none was made meanwhile: two first requests at once keep one credential. Not restamped (UpdatedAt):
                    // the credential is not part of the certificate as staff list and sync it.
                    var stored = await db.Certificates.Where(c => c.Id == certificate.Id && c.CredentialJwt == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.CredentialJwt, jwt).SetProperty(c => c.StatusListIndex, index), cancellationToken);
                    return stored == 1
                        ? new Credential(jwt, certificate.ShortCode)
                        : new Credential(await db.Certificates.Where(c => c.Id == certificate.Id).Select(c => c.CredentialJwt!).SingleAsync(cancellationToken), certificate.ShortCode);
                }
                catch (DbException e) when (e.IsUniqueViolation() && attempt < 8)
                {
                    // The unique (issuer, index) index refused it: another certificate of this issuer holds that bit. Draw again.
                }
            }
        }
    }

    /// <summary>The credential's claims: the VC data model 2.0 members with the OB 3.0 context, plus the JWT claims OB 3.0 §8.2 asks for.</summary>
    internal static JsonObject OpenBadge(Certificate c, int statusListIndex, PublicSite site)
    {
        var issuer = CredentialKeys.IssuerUrl(site, c.IssuerOrganizationId);
        var statusList = CredentialKeys.StatusListUrl(site, c.IssuerOrganizationId);
        var verification = site.Link($"/verify/{c.VerificationCode}");
        var period = $"{c.CohortStartsOn:yyyy-MM-dd} – {c.CohortEndsOn:yyyy-MM-dd}";
        return new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = $"urn:uuid:{c.Id}",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = c.CourseTitle,
            ["description"] = $"{c.CourseTitle} — {c.CohortTitle} ({period}), {string.Join(", ", c.OrganizationNames)}",
            ["issuer"] = new JsonObject { ["id"] = issuer, ["type"] = new JsonArray("Profile"), ["name"] = c.OrganizationNames.FirstOrDefault() ?? "" },
            ["validFrom"] = CredentialKeys.Timestamp(c.IssuedAt),
            ["credentialSubject"] = new JsonObject
            {
                ["type"] = new JsonArray("AchievementSubject"),
                // The holder as the certificate names them: OB 3.0's identity object of type "name", not hashed.
                ["identifier"] = new JsonArray(new JsonObject { ["type"] = "IdentityObject", ["identityType"] = "name", ["hashed"] = false, ["identityHash"] = c.HolderName }),
                ["activityStartDate"] = $"{c.CohortStartsOn:yyyy-MM-dd}T00:00:00Z",
                ["activityEndDate"] = $"{c.CohortEndsOn:yyyy-MM-dd}T00:00:00Z",
                ["achievement"] = new JsonObject
                {
                    ["id"] = $"urn:uuid:{c.CohortId}",
                    ["type"] = new JsonArray("Achievement"),
                    ["achievementType"] = "Certificate",
                    ["name"] = c.CourseTitle,
                    ["description"] = $"{c.CourseTitle} — {c.CohortTitle} ({period})",
                    ["criteria"] = new JsonObject
                    {
                        ["narrative"] = $"Completed the cohort \"{c.CohortTitle}\" of the course \"{c.CourseTitle}\" ({period}) and met the certification rules set by {c.OrganizationNames.FirstOrDefault()}.",
                    },
                    ["alignment"] = new JsonArray([.. c.Competencies.Select(k => (JsonNode)new JsonObject
                    {
                        ["type"] = new JsonArray("Alignment"),
                        ["targetName"] = k.Title,
                        ["targetCode"] = k.Code,
                        ["targetUrl"] = verification,
                    })]),
                    ["creator"] = new JsonObject { ["id"] = issuer, ["type"] = new JsonArray("Profile"), ["name"] = c.OrganizationNames.FirstOrDefault() ?? "" },
                },
            },
            ["credentialStatus"] = new JsonObject
            {
                ["id"] = $"{statusList}#{statusListIndex}",
                ["type"] = "BitstringStatusListEntry",
                ["statusPurpose"] = "revocation",
                ["statusListIndex"] = statusListIndex.ToString(CultureInfo.InvariantCulture),
                ["statusListCredential"] = statusList,
            },
            ["credentialSchema"] = new JsonArray(new JsonObject
            {
                ["id"] = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
                ["type"] = "1EdTechJsonSchemaValidator2019",
            }),
            ["iss"] = issuer,
            ["nbf"] = c.IssuedAt.ToUnixTimeSeconds(),
            ["jti"] = $"urn:uuid:{c.Id}",
        };
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/certificates/{certificateId:guid}/credential", async (Guid certificateId, ISender sender, CancellationToken ct) =>
            {
                var credential = await sender.Send(new Query(certificateId), ct);
                return TypedResults.File(System.Text.Encoding.ASCII.GetBytes(credential.Jwt), GetStatusList.MediaType, $"certificate-{credential.ShortCode}.jwt");
            })
            .WithName("GetCertificateCredential")
            .WithSummary("The certificate as a signed Open Badges 3.0 credential (VC-JWT), to add to a wallet")
            .WithDescription("The holder, the cohort's staff (`ActOnAllLearners`) and the holder's own mentor; anyone else 404. A certificate revoked before its credential was first made gets none: 409 `certificate-revoked` (one made before stays, and its status list bit says it is revoked). An `OpenBadgeCredential` (VC Data Model 2.0, OB 3.0 context 3.0.3) secured as a compact JWS per W3C VC-JOSE-COSE: header `alg` `ES256`, `kid` (a key of `GET /.well-known/jwks.json`), `jwk` (that key's public members), `typ` `vc+jwt`, `cty` `vc`; the payload is the credential itself with `iss`, `nbf` and `jti`. `credentialStatus` is a `BitstringStatusListEntry` (`revocation`) into `GET /credentials/status/{organizationId}`. Made once, on the first request, and the same bytes afterwards, whatever key rotations followed (docs/adr/0031).")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.CertificatesRead)
            .Produces<string>(StatusCodes.Status200OK, GetStatusList.MediaType)
            .Problems(ProblemType.NotFound, CertificationProblems.CertificateRevoked);
}
