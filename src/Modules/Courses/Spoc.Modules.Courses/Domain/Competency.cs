namespace Spoc.Modules.Courses.Domain;

/// <summary>What a course develops, e.g. "C1 — Conduire un entretien"; activities and grades refer to it by code.</summary>
internal sealed class Competency
{
    public Guid CourseId { get; init; }
    public required string Code { get; init; }
    public required string Title { get; set; }
}
