using System.Text.Json;
using System.Text.Json.Serialization;
using Spoc.Modules.Integrations.Contracts;
using Spoc.Modules.Integrations.Domain;

namespace Spoc.Modules.Integrations.Delivery;

/// <summary>Builds a message's body once (the bytes every attempt signs and sends) and its deliveries.</summary>
internal static class WebhookMessages
{
    public const int PayloadVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static WebhookMessage Create<TData>(string type, string messageId, Guid organizationId, string subject, DateTimeOffset at, TData data) => new()
    {
        MessageId = messageId, EventType = type, OrganizationId = organizationId, Subject = subject, OccurredAt = at,
        Payload = JsonSerializer.Serialize(new WebhookEnvelope<TData>(type, PayloadVersion, at, organizationId, data), Json),
    };

    public static WebhookDelivery Deliver(WebhookMessage message, Guid endpointId, DateTimeOffset now, bool ping = false) => new()
    {
        EndpointId = endpointId, Message = message, Subject = message.Subject, State = DeliveryState.Pending, NextAttemptAt = now, CreatedAt = now, Ping = ping,
    };
}
