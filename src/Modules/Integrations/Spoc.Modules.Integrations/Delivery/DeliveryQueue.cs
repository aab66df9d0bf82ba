using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Integrations.Data;
using Spoc.Modules.Integrations.Domain;

namespace Spoc.Modules.Integrations.Delivery;

/// <summary>
/// Keeps what cannot go yet out of the sender's rounds, so that a round reads what is due and not a growing backlog: the
/// deliveries of a paused or disabled webhook are parked until it is enabled, and those held behind an earlier failing
/// message of their subject wait for its next attempt rather than being read again at every poll.
/// </summary>
internal static class DeliveryQueue
{
    public static Task ParkAsync(this IntegrationsDbContext db, Guid endpointId, CancellationToken ct) =>
        db.Deliveries.Where(d => d.EndpointId == endpointId && d.State == DeliveryState.Pending && !d.Ping)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, WebhookDelivery.Parked), ct);

    /// <summary>Everything waiting goes now rather than at the end of its backoff: the receiver is presumably repaired.</summary>
    public static Task ReleaseAsync(this IntegrationsDbContext db, Guid endpointId, DateTimeOffset now, CancellationToken ct) =>
        db.Deliveries.Where(d => d.EndpointId == endpointId && d.State == DeliveryState.Pending && d.NextAttemptAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, now), ct);

    /// <summary>After an attempt: the later messages of its subject wait for its next try, or go once it is finished.</summary>
    public static Task FollowAsync(this IntegrationsDbContext db, WebhookDelivery head, DateTimeOffset now, CancellationToken ct)
    {
        var followers = db.Deliveries.Where(d => d.EndpointId == head.EndpointId && d.Subject == head.Subject && d.MessageSequence > head.MessageSequence
            && d.State == DeliveryState.Pending);
        return head.State == DeliveryState.Pending
            ? followers.Where(d => d.NextAttemptAt < head.NextAttemptAt).ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, head.NextAttemptAt), ct)
            // Only those never tried: their time was the head's; a follower tried before keeps its own backoff.
            : followers.Where(d => d.Attempts == 0 && d.NextAttemptAt > now && d.NextAttemptAt < WebhookDelivery.Parked)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, now), ct);
    }
}
