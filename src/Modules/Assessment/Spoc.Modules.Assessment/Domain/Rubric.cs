using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Assessment.Domain;

/// <summary>One level of a criterion, e.g. "Acquis — 3 points".</summary>
/// <param name="Id">Given by the server; ignored on input (a rubric sent back unchanged keeps its ids).</param>
/// <param name="Points">0 or more; levels go from the lowest to the highest, their points strictly increasing.</param>
internal sealed record RubricLevel(Guid? Id, string Title, string? Description, decimal Points);

/// <summary>What a rubric grades, with its levels; its maximum is its top level's points.</summary>
/// <param name="Id">Given by the server; ignored on input (a rubric sent back unchanged keeps its ids).</param>
/// <param name="CompetencyCode">The course competency this criterion evidences (its code, e.g. "C1"), or null; feeds competency mastery.</param>
/// <param name="Levels">2 to 10, from the lowest to the highest.</param>
internal sealed record RubricCriterion(Guid? Id, string Title, string? Description, string? CompetencyCode, IReadOnlyList<RubricLevel> Levels)
{
    /// <summary>Read-only: its top level's points.</summary>
    public decimal MaxPoints => Levels[^1].Points;
}

/// <summary>A rubric: criteria × levels with points.</summary>
/// <param name="Criteria">1 to 30 criteria.</param>
internal sealed record Rubric(IReadOnlyList<RubricCriterion> Criteria)
{
    /// <summary>Full marks (read-only): the sum of each criterion's top level. A grade scales it to the assignment's <c>maxPoints</c>.</summary>
    public decimal TotalPoints => Criteria.Sum(c => c.MaxPoints);

    /// <summary>The same criteria and levels, whatever their ids: what decides whether an edit changes a rubric.</summary>
    public static bool SameContent(IReadOnlyList<RubricCriterion> a, IReadOnlyList<RubricCriterion> b) =>
        a.Count == b.Count && a.Zip(b).All(p =>
            p.First.Title == p.Second.Title && p.First.Description == p.Second.Description && p.First.CompetencyCode == p.Second.CompetencyCode
            && p.First.Levels.Count == p.Second.Levels.Count
            && p.First.Levels.Zip(p.Second.Levels).All(l => l.First.Title == l.Second.Title && l.First.Description == l.Second.Description && l.First.Points == l.Second.Points));

    /// <summary>A copy with fresh ids for every criterion and level: what an assignment stores, from an input or a template.</summary>
    public static List<RubricCriterion> WithNewIds(IEnumerable<RubricCriterion> criteria) =>
        criteria.Select(c => c with
        {
            Id = Guid.CreateVersion7(),
            Title = c.Title.Trim(),
            Description = string.IsNullOrWhiteSpace(c.Description) ? null : c.Description.Trim(),
            CompetencyCode = string.IsNullOrWhiteSpace(c.CompetencyCode) ? null : c.CompetencyCode.Trim(),
            Levels = c.Levels.Select(l => l with
            {
                Id = Guid.CreateVersion7(), Title = l.Title.Trim(), Description = string.IsNullOrWhiteSpace(l.Description) ? null : l.Description.Trim(),
            }).ToList(),
        }).ToList();
}

/// <summary>
/// The level a grader chose for one criterion, as the grade keeps it: the titles, points and competency are copied from the
/// rubric when graded, so the grade, its history and competency mastery read the same whatever happens to the rubric later.
/// </summary>
/// <param name="Criterion">The criterion's title.</param>
/// <param name="Level">The chosen level's title.</param>
/// <param name="Points">The chosen level's points.</param>
/// <param name="MaxPoints">The criterion's maximum (its top level's points).</param>
/// <param name="CompetencyCode">The competency the criterion evidences, or null.</param>
/// <param name="Comment">The grader's comment on this criterion (Markdown as written), or null.</param>
/// <param name="CommentHtml">The comment rendered and sanitised (rendered once, when graded, like the feedback), or null.</param>
internal sealed record RubricScore(
    Guid CriterionId, Guid LevelId, string Criterion, string Level, decimal Points, decimal MaxPoints, string? CompetencyCode, string? Comment, string? CommentHtml);

/// <summary>A rubric an organisation's trainers reuse across its cohorts; an assignment made from it gets a copy.</summary>
internal sealed class RubricTemplate : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string Title { get; set; }
    public List<RubricCriterion> Criteria { get; set; } = [];
    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
