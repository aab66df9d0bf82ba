namespace Spoc.Modules.Certification.Domain;

/// <summary>
/// An organisation's key that signs its credentials (ES256). The private key is kept only as ASP.NET Core data protection
/// ciphertext; the public key is published in /.well-known/jwks.json for as long as credentials it signed may be checked.
/// The newest key not retired signs; rotating adds a new one and retires the old one from signing, not from the JWKS.
/// </summary>
internal sealed class SigningKey
{
    /// <summary>The JWK's <c>kid</c>.</summary>
    public required string Id { get; init; }
    public Guid OrganizationId { get; init; }
    public string Algorithm { get; init; } = "ES256";

    /// <summary>The private key (PKCS#8), protected by the data protection API.</summary>
    public required string ProtectedPrivateKey { get; init; }

    /// <summary>The public key as a JWK (JSON).</summary>
    public required string PublicJwk { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it stopped signing new credentials; it still verifies the ones it signed.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}
