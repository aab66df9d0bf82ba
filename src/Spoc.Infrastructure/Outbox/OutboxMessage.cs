using System.Text.Json;
using Spoc.SharedKernel.Messaging;

namespace Spoc.SharedKernel.Outbox;

/// <summary>An integration event waiting in its module's outbox until the dispatcher has published it.</summary>
public sealed class OutboxMessage
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Guid Id { get; private set; }
    public string Type { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; internal set; }
    public DateTimeOffset? ProcessedAt { get; internal set; }
    public int Attempts { get; internal set; }
    public string? LastError { get; internal set; }

    /// <summary>The instance publishing it (ADR 0050): set with <see cref="LockedUntil"/> by its claim, kept once processed.</summary>
    public string? LockedBy { get; internal set; }

    /// <summary>Until when the claim holds; past it, another instance takes the message over.</summary>
    public DateTimeOffset? LockedUntil { get; internal set; }

    public static OutboxMessage From(IntegrationEvent integrationEvent, DateTimeOffset now)
    {
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            Id = integrationEvent.EventId,
            Type = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Payload = JsonSerializer.Serialize(integrationEvent, type, Json),
            OccurredAt = now,
            NextAttemptAt = now,
        };
    }

    internal static IntegrationEvent ToEvent(Guid id, string type, string payload) =>
        (IntegrationEvent)(JsonSerializer.Deserialize(payload, System.Type.GetType(type, throwOnError: true)!, Json)
            ?? throw new InvalidOperationException($"Outbox message {id} has an empty payload."));
}

/// <summary>Proof that one handler has handled one event: a redelivered event is skipped.</summary>
public sealed class InboxRecord
{
    public Guid EventId { get; init; }
    public string Handler { get; init; } = "";
    public DateTimeOffset HandledAt { get; init; }
}
