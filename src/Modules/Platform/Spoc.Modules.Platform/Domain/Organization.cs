using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Platform.Data;

internal sealed class Organization : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set by the platform admin: the organisation's memberships grant nothing and it takes no new members until reactivated (docs/adr/0041).</summary>
    public DateTimeOffset? SuspendedAt { get; set; }

    /// <summary>Concurrency token, also the ETag.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<OrganizationMember> Members { get; init; } = [];
}
