using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Cohorts.Domain;

internal sealed class CohortMember : IVersioned
{
    public Guid CohortId { get; init; }
    public Guid UserId { get; init; }
    public CohortRole Role { get; set; }
    public Guid? MentorId { get; set; }
    public Guid? GroupId { get; set; }
    public DateTimeOffset JoinedAt { get; init; }

    /// <summary>Changes with the role, mentor or group: the ETag of the member resource (mentor assignment).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}
