using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Cohorts.Domain;

internal sealed class ProjectGroup : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CohortId { get; init; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
