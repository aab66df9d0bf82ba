namespace Spoc.Modules.Courses.Domain;

/// <summary>A learner's personal pacing: due dates shifted by <see cref="Days"/>, for one activity or (null) all of them.</summary>
internal sealed class PacingShift
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CohortId { get; init; }
    public Guid UserId { get; init; }
    public Guid? ActivityId { get; init; }
    public int Days { get; init; }
}
