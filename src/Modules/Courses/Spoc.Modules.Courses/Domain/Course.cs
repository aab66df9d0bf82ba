using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Courses.Domain;

internal sealed class Course : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string Title { get; set; }
    public string Summary { get; set; } = "";

    /// <summary>BCP 47 tag of the course's teaching language, e.g. "fr" or "en-GB".</summary>
    public required string Language { get; set; }

    public List<Competency> Competencies { get; init; } = [];
    public List<Section> Sections { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public Guid CreatedBy { get; init; }

    /// <summary>Learners see published courses only; staff see drafts too.</summary>
    public bool IsPublished { get; set; }

    /// <summary>Concurrency token of the course's own fields, and its ETag.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The competencies <paramref name="wanted"/> (code → title) would drop.</summary>
    public IReadOnlyList<Competency> CompetenciesMissingFrom(IReadOnlyDictionary<string, string> wanted) =>
        Competencies.Where(c => !wanted.ContainsKey(c.Code)).ToList();

    /// <summary>
    /// Keeps exactly the <paramref name="wanted"/> competencies (code → title, codes compared case-insensitively), publishes
    /// or withdraws the course, and takes a new version: editing a competency changes the course's ETag too.
    /// </summary>
    public void Edit(string title, string summary, string language, IReadOnlyDictionary<string, string> wanted, bool isPublished)
    {
        foreach (var removed in CompetenciesMissingFrom(wanted))
        {
            Competencies.Remove(removed);
        }

        foreach (var (code, competencyTitle) in wanted)
        {
            if (Competencies.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)) is { } existing)
            {
                existing.Title = competencyTitle;
            }
            else
            {
                Competencies.Add(new Competency { CourseId = Id, Code = code, Title = competencyTitle });
            }
        }

        Title = title;
        Summary = summary;
        Language = language;
        IsPublished = isPublished;
        Version = Guid.NewGuid();
    }
}
