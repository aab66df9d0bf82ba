using System.Security.Cryptography;
using System.Text;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Data;

/// <summary>
/// Another system acting for one organisation (ADR 0044): its id is the OAuth <c>client_id</c>; within its scopes it acts as
/// that organisation's admin, nowhere else. Its secrets are stored only as hashes.
/// </summary>
internal sealed class ApiClient : IVersioned
{
    /// <summary>At most this many clients not revoked per organisation: each one is a standing credential to watch.</summary>
    public const int MaxActivePerOrganization = 20;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string Name { get; set; }
    public List<string> Scopes { get; set; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>When it last got a token; written apart from the rest, so that using a client never changes its version.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
    public List<ApiClientSecret> Secrets { get; init; } = [];

    /// <summary>A new secret, shown once; the previous ones keep working until <paramref name="previousExpireAt"/>.</summary>
    public string NewSecret(DateTimeOffset now, DateTimeOffset previousExpireAt)
    {
        foreach (var current in Secrets.Where(s => s.ExpiresAt is null || s.ExpiresAt > previousExpireAt))
        {
            current.ExpiresAt = previousExpireAt;
        }

        var secret = ApiClientSecret.Prefix + SecretTokens.New();
        Secrets.Add(new ApiClientSecret { ClientId = Id, SecretHash = SecretTokens.Hash(secret), Hint = secret[^4..], CreatedAt = now });
        return secret;
    }
}

/// <summary>One secret of a client: current (<c>ExpiresAt</c> null) or kept for the overlap of a rotation.</summary>
internal sealed class ApiClientSecret
{
    /// <summary>Makes a leaked secret easy to find in code, logs and secret scanners.</summary>
    public const string Prefix = "spoc_cs_";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ClientId { get; init; }

    /// <summary>SHA-256 of the secret: 256 random bits need no slow hash to resist guessing (ADR 0044).</summary>
    public required string SecretHash { get; init; }

    /// <summary>Its last four characters, so that an admin can tell which secret a system holds.</summary>
    public required string Hint { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; set; }

    public bool Matches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(SecretHash), Encoding.ASCII.GetBytes(SecretTokens.Hash(secret)));
}
