using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Cohorts.Domain;

internal sealed class CohortMember : IVersioned, IChangeStamped, ILeavesTombstone
{
    public Guid CohortId { get; init; }
    public Guid UserId { get; init; }
    public CohortRole Role { get; set; }
    public Guid? MentorId { get; set; }
    public Guid? GroupId { get; set; }
    public DateTimeOffset JoinedAt { get; init; }

    /// <summary>Changes with the role, mentor or group: the ETag of the member resource (mentor assignment).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>When the membership last changed (joined, role, mentor, group): what <c>updatedSince</c> reads.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public object Tombstone(DateTimeOffset removedAt) =>
        new CohortMemberRemoval { CohortId = CohortId, UserId = UserId, Role = Role, JoinedAt = JoinedAt, RemovedAt = removedAt };
}

/// <summary>A member who left or was removed, kept so that a system syncing the roster by <c>updatedSince</c> learns it (ADR 0046).</summary>
internal sealed class CohortMemberRemoval
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CohortId { get; init; }
    public Guid UserId { get; init; }
    public CohortRole Role { get; init; }
    public DateTimeOffset JoinedAt { get; init; }
    public DateTimeOffset RemovedAt { get; init; }
}
