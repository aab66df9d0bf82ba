using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Integrations.Domain;

internal enum WebhookState
{
    Enabled,

    /// <summary>Paused by an org admin: no new messages are queued, those queued wait until it is enabled.</summary>
    Paused,

    /// <summary>Disabled after failing for <c>Webhooks:DisableAfter</c>; its admins were told, its queued messages wait until it is enabled.</summary>
    DisabledFailing,
}

/// <summary>An https endpoint of another system that an organisation subscribed to some event types (ADR 0047).</summary>
internal sealed class WebhookEndpoint : IVersioned
{
    /// <summary>Each endpoint is a standing destination for the organisation's data: a handful is what one system needs.</summary>
    public const int MaxPerOrganization = 10;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string Url { get; set; }
    public string? Description { get; set; }
    public List<string> EventTypes { get; set; } = [];
    public WebhookState State { get; set; }

    /// <summary>Since when every attempt failed: set by the first failure after a success, cleared by any success.</summary>
    public DateTimeOffset? FailingSince { get; set; }

    public DateTimeOffset? DisabledAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public Guid CreatedBy { get; init; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<WebhookSecret> Secrets { get; init; } = [];

    /// <summary>A new signing secret, shown once; the previous ones keep signing until <paramref name="previousExpireAt"/>.</summary>
    public string NewSecret(IDataProtector protector, DateTimeOffset now, DateTimeOffset previousExpireAt)
    {
        foreach (var current in Secrets.Where(s => s.ExpiresAt is null || s.ExpiresAt > previousExpireAt))
        {
            current.ExpiresAt = previousExpireAt;
        }

        // The Standard Webhooks form: whsec_ and the base64 of the key, which receivers' libraries take as it is.
        var secret = WebhookSecret.Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        Secrets.Add(new WebhookSecret { EndpointId = Id, Protected = protector.Protect(secret), Hint = secret[^4..], CreatedAt = now });
        return secret;
    }
}

/// <summary>
/// One signing secret: current (<c>ExpiresAt</c> null) or kept for a rotation's overlap. Unlike an API client's secret it
/// must be read back to sign, so it is stored encrypted with the data protection key ring, not hashed.
/// </summary>
internal sealed class WebhookSecret
{
    public const string Prefix = "whsec_";

    /// <summary>Versioned: a change of format gets a new purpose rather than misreading the old ciphertext.</summary>
    public static IDataProtector Protector(IDataProtectionProvider provider) => provider.CreateProtector("Spoc.Integrations.WebhookSecrets.v1");

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EndpointId { get; init; }
    public required string Protected { get; init; }
    public required string Hint { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; set; }
}
