namespace Spoc.Modules.Courses.Domain;

/// <summary>A resource the staff added for one learner only.</summary>
internal sealed class ExtraResource
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CohortId { get; init; }
    public Guid UserId { get; init; }
    public required string Title { get; init; }
    public string? Url { get; init; }
    public string ContentMarkdown { get; init; } = "";
    public string ContentHtml { get; init; } = "";
}
