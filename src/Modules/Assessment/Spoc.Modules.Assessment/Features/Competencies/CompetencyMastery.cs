using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;

namespace Spoc.Modules.Assessment.Features.Competencies;

/// <summary>One piece of released work that evidences a competency.</summary>
/// <param name="At">When the learner handed the work in: mastery is dated by the work, not by when it was graded.</param>
/// <param name="Percent">The points of the rubric criteria tied to the competency over their maximum, in percent (2 decimals).</param>
internal sealed record MasteryPoint(DateTimeOffset At, decimal Percent, Guid AssignmentId, Guid SubmissionId);

/// <summary>A learner's mastery of one course competency, from the rubric criteria tied to it in their released grades.</summary>
/// <param name="Title">The course's title of the competency; null for a code the course no longer has.</param>
/// <param name="Latest">The last point's percent; null without evidence.</param>
/// <param name="Average">The mean of the points' percents (each piece of work weighs the same); null without evidence.</param>
/// <param name="Trend">The latest percent minus the one before it, in percentage points (positive: improving); null with fewer than two points.</param>
/// <param name="Series">Every point, oldest first.</param>
internal sealed record CompetencyMasteryResponse(string Code, string? Title, decimal? Latest, decimal? Average, decimal? Trend, IReadOnlyList<MasteryPoint> Series);

/// <summary>
/// Competency mastery: each released grade with rubric scores gives, per competency its criteria are tied to, one point
/// = Σ chosen points ÷ Σ criteria maxima (late penalties and score overrides do not touch it: they judge the work, not the skill).
/// </summary>
internal static class CompetencyMastery
{
    /// <summary>The released grades of these learners in the cohort, with when the work was handed in: one SQL statement.</summary>
    public static async Task<ILookup<Guid, (DateTimeOffset At, Guid AssignmentId, Guid SubmissionId, List<RubricScore> Scores)>> EvidenceAsync(
        this AssessmentDbContext db, Guid cohortId, IReadOnlyCollection<Guid> learnerIds, CancellationToken ct) =>
        (await db.Grades.AsNoTracking()
            .Where(g => g.CohortId == cohortId && g.Status == GradeStatus.Released && learnerIds.Contains(g.AuthorId))
            .Join(db.Submissions, g => g.SubmissionId, s => s.Id, (g, s) => new { g.AuthorId, s.SubmittedAt, g.AssignmentId, g.SubmissionId, g.RubricScores })
            .ToListAsync(ct))
        .ToLookup(e => e.AuthorId, e => (e.SubmittedAt, e.AssignmentId, e.SubmissionId, e.RubricScores));

    /// <summary>
    /// What the heat map needs of <see cref="EvidenceAsync"/>: per learner and competency only the released grade that gives their
    /// latest point, so at most learners × competencies rows, however many assignments were graded. Which assignments evidence a
    /// competency is read from their rubrics (a graded rubric is frozen, so its grades carry the same codes); then one UNION ALL
    /// statement, a part per competency, keeps the latest grade on those assignments by hand-in time (ties: the highest submission id,
    /// as <see cref="Series"/> orders them). Two statements whatever the cohort's size.
    /// </summary>
    public static async Task<ILookup<Guid, (DateTimeOffset At, Guid AssignmentId, Guid SubmissionId, List<RubricScore> Scores)>> LatestEvidenceAsync(
        this AssessmentDbContext db, Guid cohortId, IReadOnlyCollection<Guid> learnerIds, CancellationToken ct)
    {
        var rubrics = await db.Assignments.AsNoTracking().Where(a => a.CohortId == cohortId).Select(a => new { a.Id, a.Rubric }).ToListAsync(ct);
        var perCompetency = rubrics
            .SelectMany(a => a.Rubric.Where(c => c.CompetencyCode is not null).Select(c => (Code: c.CompetencyCode!, a.Id)))
            .GroupBy(x => x.Code, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Select(x => x.Id).Distinct().ToList());
        var ids = learnerIds.ToList();
        IQueryable<Evidence>? latest = null;
        foreach (var assignmentIds in perCompetency)
        {
            var evidence = db.Grades.AsNoTracking()
                .Where(g => g.CohortId == cohortId && g.Status == GradeStatus.Released && ids.Contains(g.AuthorId) && assignmentIds.Contains(g.AssignmentId))
                .Join(db.Submissions, g => g.SubmissionId, s => s.Id, (g, s) => new Evidence { AuthorId = g.AuthorId, At = s.SubmittedAt, AssignmentId = g.AssignmentId, SubmissionId = g.SubmissionId, Scores = g.RubricScores });
            var part = evidence.Where(e => !evidence.Any(o => o.AuthorId == e.AuthorId && (o.At > e.At || (o.At == e.At && o.SubmissionId.CompareTo(e.SubmissionId) > 0))));
            latest = latest is null ? part : latest.Concat(part);
        }

        var rows = latest is null ? [] : await latest.ToListAsync(ct);
        return rows.DistinctBy(e => e.SubmissionId).ToLookup(e => e.AuthorId, e => (e.At, e.AssignmentId, e.SubmissionId, e.Scores));
    }

    private sealed class Evidence
    {
        public Guid AuthorId { get; init; }
        public DateTimeOffset At { get; init; }
        public Guid AssignmentId { get; init; }
        public Guid SubmissionId { get; init; }
        public List<RubricScore> Scores { get; init; } = [];
    }

    /// <summary>Per competency code (as the rubric named it), the learner's points, oldest first.</summary>
    public static Dictionary<string, List<MasteryPoint>> Series(IEnumerable<(DateTimeOffset At, Guid AssignmentId, Guid SubmissionId, List<RubricScore> Scores)> evidence) =>
        evidence.OrderBy(e => e.At).ThenBy(e => e.SubmissionId)
            .SelectMany(e => e.Scores.Where(s => s.CompetencyCode is not null).GroupBy(s => s.CompetencyCode!)
                .Select(g => (Code: g.Key, Point: new MasteryPoint(e.At, Percent(g.Sum(s => s.Points), g.Sum(s => s.MaxPoints)), e.AssignmentId, e.SubmissionId))))
            .GroupBy(x => x.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Point).ToList(), StringComparer.OrdinalIgnoreCase);

    public static CompetencyMasteryResponse Of(string code, string? title, IReadOnlyList<MasteryPoint> series) =>
        new(code, title, series.Count == 0 ? null : series[^1].Percent, series.Count == 0 ? null : Math.Round(series.Average(p => p.Percent), 2, MidpointRounding.AwayFromZero),
            series.Count < 2 ? null : series[^1].Percent - series[^2].Percent, series);

    private static decimal Percent(decimal points, decimal max) => Math.Round(100m * points / max, 2, MidpointRounding.AwayFromZero);
}
