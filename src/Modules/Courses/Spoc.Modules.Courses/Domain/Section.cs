using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Courses.Domain;

internal sealed class Section : IVersioned, IPositioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CourseId { get; init; }
    public required string Title { get; set; }
    public int Position { get; set; }
    public List<Activity> Activities { get; init; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}
