using Spoc.Modules.Platform.Contracts;

namespace Spoc.Modules.Platform.Data;

internal sealed class OrganizationMember
{
    public Guid OrganizationId { get; init; }
    public Organization Organization { get; init; } = null!;
    public Guid UserId { get; init; }
    public User User { get; init; } = null!;
    public OrganizationRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; init; }
}
