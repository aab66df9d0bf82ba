using System.Buffers.Text;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Domain;

namespace Spoc.Api.Tests.Certification;

/// <summary>
/// Certificates written straight into the Certification tables, as issuance (not under test here) leaves them, and revoked
/// the same way; plus what an outside verifier does with a credential: check it with jose-jwt, a library the API does not
/// sign with, against the keys the API publishes.
/// </summary>
internal static class CertificateRows
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Code(int length) => RandomNumberGenerator.GetString(Crockford, length);

    public static async Task<Certificate> CertificateAsync(this SpocApiFactory factory, Guid holderId, Guid organizationId, Guid? cohortId = null, string? shortCode = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertificationDbContext>();
        var certificate = new Certificate
        {
            CohortId = cohortId ?? Guid.NewGuid(),
            HolderId = holderId,
            IssuerOrganizationId = organizationId,
            HolderName = "Zoé Nguyễn",
            CourseTitle = "Management de projet",
            CohortTitle = "Printemps 2027",
            OrganizationNames = ["Académie Spoc", "Partenaire SA"],
            CohortStartsOn = new DateOnly(2027, 3, 1),
            CohortEndsOn = new DateOnly(2027, 6, 30),
            FinalGrade = 87.5m,
            Competencies = [new AchievedCompetency("C1", "Planifier"), new AchievedCompetency("C2", "Piloter")],
            VerificationCode = Code(26),
            ShortCode = shortCode ?? Code(12),
            IssuedBy = Guid.NewGuid(),
            IssuedAt = new DateTimeOffset(2027, 7, 1, 9, 30, 0, TimeSpan.Zero),
        };
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync();
        return certificate;
    }

    public static async Task RevokeAsync(this SpocApiFactory factory, Guid certificateId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertificationDbContext>();
        await db.Certificates.Where(c => c.Id == certificateId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, CertificateStatus.Revoked)
            .SetProperty(c => c.RevokedAt, new DateTimeOffset(2027, 9, 15, 8, 0, 0, TimeSpan.Zero))
            .SetProperty(c => c.RevocationReason, "Fraude constatée"));
    }

    /// <summary>The JWS's claims after jose-jwt checked its signature with the published key its header names; throws when it does not verify.</summary>
    public static async Task<JsonObject> VerifiedClaimsAsync(HttpClient anonymous, string jwt)
    {
        var jwks = Jose.JwkSet.FromJson(await anonymous.GetStringAsync("/.well-known/jwks.json"), Jose.JWT.DefaultSettings.JsonMapper);
        var kid = (string)Jose.JWT.Headers(jwt)["kid"];
        var key = jwks.Keys.Single(k => k.KeyId == kid);
        return JsonNode.Parse(Jose.JWT.Decode(jwt, key))!.AsObject();
    }

    public static IDictionary<string, object> Header(string jwt) => Jose.JWT.Headers(jwt);

    /// <summary>Bit <paramref name="index"/> of a Bitstring Status List's <c>encodedList</c>: multibase <c>u</c>, base64url, GZIP, left-most bit first.</summary>
    public static bool StatusBit(string encodedList, int index)
    {
        encodedList.Should().StartWith("u");
        using var gzip = new GZipStream(new MemoryStream(Base64Url.DecodeFromChars(encodedList.AsSpan(1))), CompressionMode.Decompress);
        using var bits = new MemoryStream();
        gzip.CopyTo(bits);
        bits.Length.Should().Be(131_072 / 8);
        return (bits.ToArray()[index / 8] & (0x80 >> (index % 8))) != 0;
    }
}
