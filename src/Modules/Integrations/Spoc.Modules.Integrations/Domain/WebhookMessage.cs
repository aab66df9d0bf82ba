namespace Spoc.Modules.Integrations.Domain;

/// <summary>
/// One event as an organisation receives it: its body is written once, when the event arrives, so every attempt and every
/// resend sends the same bytes under the same <c>webhook-id</c>.
/// </summary>
internal sealed class WebhookMessage
{
    /// <summary>Order of arrival: deliveries of one subject are sent in this order.</summary>
    public long Sequence { get; init; }

    /// <summary>The <c>webhook-id</c>: <c>msg_</c> and the source event's id, so a redelivered event makes no second message.</summary>
    public required string MessageId { get; init; }

    public required string EventType { get; init; }
    public Guid OrganizationId { get; init; }

    /// <summary>What ordering is kept for: one learner in one cohort (<c>{cohortId}:{learnerId}</c>), or one ping.</summary>
    public required string Subject { get; init; }

    public DateTimeOffset OccurredAt { get; init; }
    public required string Payload { get; init; }
}

internal enum DeliveryState
{
    Pending,
    Sending,
    Succeeded,

    /// <summary>Every scheduled attempt failed; it no longer holds back the later messages of its subject. Resend tries again.</summary>
    Failed,
}

/// <summary>One message to one endpoint, with its schedule: at least once, in order per subject.</summary>
internal sealed class WebhookDelivery
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EndpointId { get; init; }
    public long MessageSequence { get; init; }
    public WebhookMessage Message { get; init; } = null!;
    public required string Subject { get; init; }
    public DeliveryState State { get; set; }

    /// <summary>Attempts made, in-process retries counted as one.</summary>
    public int Attempts { get; set; }

    /// <summary>When it is due (Pending), or when a sender's claim lapses (Sending); <see cref="Parked"/> while its webhook does not send.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The time of a delivery that waits for its webhook to be enabled: out of every sending round's reach.</summary>
    public static readonly DateTimeOffset Parked = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A test ping: sent even to a paused or disabled endpoint, which is what checking a repaired receiver needs.</summary>
    public bool Ping { get; init; }

    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One HTTP exchange of a delivery, for the log.</summary>
internal sealed class WebhookAttempt
{
    public const int ExcerptLength = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DeliveryId { get; init; }
    public DateTimeOffset At { get; init; }
    public int? StatusCode { get; init; }
    public int DurationMs { get; init; }
    public string? Error { get; init; }

    /// <summary>The start of the receiver's answer, which is often what tells why it refused.</summary>
    public string? ResponseExcerpt { get; init; }
}
