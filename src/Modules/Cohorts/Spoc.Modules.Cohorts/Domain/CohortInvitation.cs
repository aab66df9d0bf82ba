namespace Spoc.Modules.Cohorts.Domain;

internal sealed class CohortInvitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CohortId { get; init; }
    public required string Email { get; init; }
    public required string NormalizedEmail { get; init; }
    public required string TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public Guid? AcceptedBy { get; set; }
}
