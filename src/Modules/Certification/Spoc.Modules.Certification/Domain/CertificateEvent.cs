namespace Spoc.Modules.Certification.Domain;

/// <summary>What happened to certificates.</summary>
internal enum CertificateAction
{
    Issued,
    Revoked,
}

/// <summary>One line of a cohort's certification history: who did what to which certificate, and when.</summary>
internal sealed class CertificateEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CertificateId { get; init; }
    public Guid CohortId { get; init; }
    public Guid HolderId { get; init; }
    public CertificateAction Action { get; init; }
    public Guid ActorId { get; init; }
    public DateTimeOffset At { get; init; }

    /// <summary>The revocation's reason.</summary>
    public string? Reason { get; init; }
}
