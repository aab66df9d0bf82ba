using System.Text.Json;
using Spoc.Modules.Integrations.Domain;

namespace Spoc.Modules.Integrations.Features.Webhooks;

/// <summary>One message to one webhook, as the delivery log lists it.</summary>
/// <param name="MessageId">The <c>webhook-id</c> header: the same on every attempt and resend, for receivers to drop duplicates.</param>
/// <param name="State">Pending (waiting for its time, or behind an earlier message of its subject), Sending, Succeeded, or Failed once every scheduled attempt failed.</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="LastStatusCode">The receiver's status at the last attempt; absent when no answer came.</param>
/// <param name="NextAttemptAt">When it is tried next (Pending); absent while its webhook is paused or disabled.</param>
public sealed record WebhookDeliveryResponse(
    Guid Id, string MessageId, string EventType, string State, int Attempts, int? LastStatusCode, string? LastError,
    DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, DateTimeOffset CreatedAt)
{
    internal static IQueryable<WebhookDeliveryResponse> Project(IQueryable<WebhookDelivery> deliveries) =>
        deliveries.Select(d => new WebhookDeliveryResponse(
            d.Id, d.Message.MessageId, d.Message.EventType, d.State.ToString(), d.Attempts, d.LastStatusCode, d.LastError, d.LastAttemptAt,
            d.State == DeliveryState.Pending && d.NextAttemptAt < WebhookDelivery.Parked ? d.NextAttemptAt : null, d.DeliveredAt, d.CreatedAt));
}

/// <summary>A delivery with the body it sends and each of its attempts, newest first.</summary>
/// <param name="Payload">The JSON body, exactly as signed and sent.</param>
public sealed record WebhookDeliveryDetail(WebhookDeliveryResponse Delivery, JsonElement Payload, IReadOnlyList<WebhookAttemptResponse> AttemptLog);

/// <param name="StatusCode">The receiver's HTTP status; absent when no answer came (see <c>error</c>).</param>
/// <param name="ResponseExcerpt">The first characters of the receiver's answer.</param>
public sealed record WebhookAttemptResponse(DateTimeOffset At, int? StatusCode, int DurationMs, string? Error, string? ResponseExcerpt);
