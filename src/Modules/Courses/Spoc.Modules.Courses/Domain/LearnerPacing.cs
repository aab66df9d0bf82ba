using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Courses.Domain;

/// <summary>
/// A learner's pacing as one resource (its shifts and extra resources are replaced together): its version is the ETag
/// of GET/PUT pacing. No row yet means no pacing, whose ETag is that of <see cref="Guid.Empty"/>.
/// </summary>
internal sealed class LearnerPacing : IVersioned
{
    public Guid CohortId { get; init; }
    public Guid UserId { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; }
}
