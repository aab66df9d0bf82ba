using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Domain;

namespace Spoc.Modules.Certification.Features.Credentials;

/// <summary>The <c>Certification:Credentials</c> section.</summary>
internal sealed class CredentialOptions
{
    /// <summary>How long an organisation's key signs new credentials before a new one replaces it (it still verifies the old ones).</summary>
    public TimeSpan SigningKeyLifetime { get; set; } = TimeSpan.FromDays(365);
}

/// <summary>
/// Each organisation's ES256 signing keys (docs/adr/0031): made on first need, replaced by age or on demand, the private key
/// kept only as data protection ciphertext. Signs compact JWS with the JOSE header of VC-JOSE-COSE (<c>typ: vc+jwt</c>).
/// </summary>
internal sealed class CredentialKeys(CertificationDbContext db, IDataProtectionProvider protection, TimeProvider clock, IOptions<CredentialOptions> options)
{
    // Versioned: a future change of format gets a new purpose rather than misreading the old ciphertext.
    private readonly IDataProtector _protector = protection.CreateProtector("Spoc.Certification.SigningKeys.v1");

    /// <summary>The key that signs the organisation's new credentials: its newest key in service, a new one when it has none or it is too old.</summary>
    public async Task<SigningKey> CurrentAsync(Guid organizationId, CancellationToken ct)
    {
        var current = await db.SigningKeys.AsNoTracking()
            .Where(k => k.OrganizationId == organizationId && k.RetiredAt == null)
            .OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(ct);
        return current is not null && current.CreatedAt + options.Value.SigningKeyLifetime > clock.GetUtcNow()
            ? current
            : await RotateAsync(organizationId, ct);
    }

    /// <summary>Retires the organisation's keys from signing (they stay in the JWKS) and makes the one that signs from now on.</summary>
    public async Task<SigningKey> RotateAsync(Guid organizationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var point = ecdsa.ExportParameters(includePrivateParameters: false).Q;
        var (x, y) = (Base64Url.EncodeToString(point.X), Base64Url.EncodeToString(point.Y));
        // RFC 7638 thumbprint: the required members in lexicographic order, no spaces.
        var kid = Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"crv":"P-256","kty":"EC","x":"{{x}}","y":"{{y}}"}""")));
        var key = new SigningKey
        {
            Id = kid,
            OrganizationId = organizationId,
            ProtectedPrivateKey = _protector.Protect(Convert.ToBase64String(ecdsa.ExportPkcs8PrivateKey())),
            PublicJwk = new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = x, ["y"] = y, ["kid"] = kid, ["alg"] = "ES256", ["use"] = "sig" }.ToJsonString(),
            CreatedAt = now,
        };

        await db.SigningKeys.Where(k => k.OrganizationId == organizationId && k.RetiredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredAt, now), ct);
        db.SigningKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return key;
    }

    /// <summary>A compact JWS of the payload, secured as VC-JOSE-COSE says: <c>typ</c> <c>vc+jwt</c>, <c>cty</c> <c>vc</c>, the key's <c>kid</c> and public <c>jwk</c>.</summary>
    public string Sign(SigningKey key, JsonObject payload)
    {
        // Letters of every script as they are (a holder named Nguyễn reads as such once decoded); the JWS is base64url, so no HTML context to escape for.
        // Open Badges 3.0 (§8.2) verifiers take the key from the header's `jwk` (its public members only); others find `kid` in the JWKS.
        var jwk = JsonNode.Parse(key.PublicJwk)!.AsObject();
        var header = new JsonObject
        {
            ["alg"] = "ES256", ["kid"] = key.Id, ["typ"] = "vc+jwt", ["cty"] = "vc",
            ["jwk"] = new JsonObject { ["kty"] = jwk["kty"]!.DeepClone(), ["crv"] = jwk["crv"]!.DeepClone(), ["x"] = jwk["x"]!.DeepClone(), ["y"] = jwk["y"]!.DeepClone() },
        };
        var signingInput = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, Json));
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(_protector.Unprotect(key.ProtectedPrivateKey)), out _);
        // .NET signs in the IEEE P1363 form (r || s, 64 bytes), the one JWS's ES256 wants (RFC 7518 §3.4).
        return signingInput + "." + Base64Url.EncodeToString(ecdsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256));
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>An XML Schema dateTimeStamp in UTC to the second, as the VC data model writes <c>validFrom</c>.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where the issuing organisation's OB 3.0 Profile resolves.</summary>
    public static string IssuerUrl(Spoc.SharedKernel.Email.PublicSite site, Guid organizationId) => site.Link($"/api/v1/credentials/issuers/{organizationId}");

    /// <summary>Where the organisation's revocation status list resolves.</summary>
    public static string StatusListUrl(Spoc.SharedKernel.Email.PublicSite site, Guid organizationId) => site.Link($"/api/v1/credentials/status/{organizationId}");
}
