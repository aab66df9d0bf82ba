using Spoc.Modules.Courses.Contracts;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Courses.Domain;

internal sealed class Activity : IVersioned, IPositioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CourseId { get; init; }
    public Guid SectionId { get; set; }
    public ActivityKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>What the author wrote; <see cref="ContentHtml"/> is its sanitized rendering, the only form ever served as HTML.</summary>
    public string ContentMarkdown { get; set; } = "";
    public string ContentHtml { get; set; } = "";

    public string? Url { get; set; }

    /// <summary>An uploaded document (Platform's file store), downloaded through the activity so its visibility applies.</summary>
    public Guid? FileId { get; set; }

    public int Position { get; set; }

    /// <summary>Released this many days after the cohort starts (0: at the start).</summary>
    public int OffsetDays { get; set; }

    /// <summary>Due this many days after the cohort starts, when the activity has a due date.</summary>
    public int? DueOffsetDays { get; set; }

    public int DurationMinutes { get; set; }

    /// <summary>Codes of the course competencies this activity develops.</summary>
    public List<string> CompetencyCodes { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();
}
