using Spoc.Modules.Integrations.Data;
using Spoc.Modules.Integrations.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Integrations.Features.Webhooks;

/// <summary>A webhook as its organisation's admins see it: never a secret, only the last characters of each one that signs.</summary>
/// <param name="EventTypes">The event types it receives (docs/integrations.md).</param>
/// <param name="State">Enabled; Paused by an admin; or DisabledFailing after a day of failed attempts. Queued messages wait until it is enabled.</param>
/// <param name="FailingSince">Since when every attempt failed; absent while it succeeds.</param>
/// <param name="Secrets">The secrets that sign now, newest first: one, or two during a rotation's overlap.</param>
/// <param name="LastDelivery">The latest message sent or being sent, if any.</param>
public sealed record WebhookResponse(
    Guid Id, Guid OrganizationId, string Url, string? Description, IReadOnlyList<string> EventTypes, string State, DateTimeOffset? FailingSince,
    DateTimeOffset? DisabledAt, IReadOnlyList<WebhookSecretSummary> Secrets, WebhookLastDelivery? LastDelivery, DateTimeOffset CreatedAt, Guid Version) : IVersioned
{
    internal static IQueryable<WebhookResponse> Project(IntegrationsDbContext db, IQueryable<WebhookEndpoint> endpoints, DateTimeOffset now) =>
        endpoints.Select(e => new WebhookResponse(
            e.Id, e.OrganizationId, e.Url, e.Description, e.EventTypes, e.State.ToString(), e.FailingSince, e.DisabledAt,
            e.Secrets.Where(s => s.ExpiresAt == null || s.ExpiresAt > now).OrderByDescending(s => s.CreatedAt)
                .Select(s => new WebhookSecretSummary(s.Hint, s.CreatedAt, s.ExpiresAt)).ToList(),
            db.Deliveries.Where(d => d.EndpointId == e.Id && d.LastAttemptAt != null).OrderByDescending(d => d.LastAttemptAt)
                .Select(d => new WebhookLastDelivery(d.Id, d.State.ToString(), d.LastStatusCode, d.LastAttemptAt!.Value)).FirstOrDefault(),
            e.CreatedAt, e.Version));
}

/// <param name="Hint">The secret's last four characters: which one a receiver holds.</param>
/// <param name="ExpiresAt">Set on the previous secret during a rotation's overlap; absent on the current one.</param>
public sealed record WebhookSecretSummary(string Hint, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

/// <param name="StatusCode">The receiver's HTTP status; absent when no answer came (timeout, refused connection).</param>
public sealed record WebhookLastDelivery(Guid DeliveryId, string State, int? StatusCode, DateTimeOffset At);

/// <summary>The webhook's signing secret, the only time it is shown: store it in the receiver now, it cannot be read again.</summary>
/// <param name="Secret">The Standard Webhooks secret: <c>whsec_</c> and the base64 of 256 random bits.</param>
/// <param name="Webhook">The webhook as it is now.</param>
public sealed record WebhookCredentials(Guid WebhookId, string Secret, WebhookResponse Webhook);
