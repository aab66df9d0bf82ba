namespace Spoc.Modules.Courses.Domain;

internal sealed class Completion
{
    public Guid CohortId { get; init; }
    public Guid UserId { get; init; }
    public Guid ActivityId { get; init; }
    public DateTimeOffset CompletedAt { get; init; }
}
