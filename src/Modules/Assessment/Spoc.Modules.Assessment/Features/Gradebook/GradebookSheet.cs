using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Courses.Contracts;

namespace Spoc.Modules.Assessment.Features.Gradebook;

/// <summary>An assignment of the gradebook: published and released, by due date.</summary>
/// <param name="DueAt">The cohort's due date (each learner's own is moved by their pacing shift).</param>
internal sealed record GradebookColumn(Guid Id, string Title, AssignmentKind Kind, string Category, decimal MaxPoints, DateTimeOffset DueAt);

/// <summary>A learner on one assignment.</summary>
/// <param name="Score">The points earned (after any late penalty; 0 for missing work the policy counts); null when none. They count unless dropped or in a category the policy does not list.</param>
/// <param name="Dropped">Dropped as one of the learner's lowest in its category.</param>
internal sealed record GradebookCell(decimal? Score, GradebookCellStatus Status, bool Dropped);

/// <summary>A learner's subtotal in one category of the policy, in percent (2 decimals); null when nothing counts in it yet.</summary>
internal sealed record GradebookCategoryGrade(string Name, decimal? Grade);

/// <summary>A learner's line of the gradebook.</summary>
/// <param name="Grade">Weighted grade in percent (2 decimals), from released grades only; null when nothing counts yet.</param>
/// <param name="Passed">Whether <c>grade</c> reaches the pass mark; null with no grade.</param>
/// <param name="Categories">One per category of the policy, in its order (none without categories).</param>
/// <param name="Cells">One per assignment, in the order of <c>assignments</c>.</param>
internal sealed record GradebookRow(Guid UserId, string DisplayName, decimal? Grade, bool? Passed, IReadOnlyList<GradebookCategoryGrade> Categories, IReadOnlyList<GradebookCell> Cells)
{
    /// <summary>A learner who has left the cohort (listed only with <c>includeWithdrawn=true</c>).</summary>
    public bool Withdrawn { get; init; }
}

/// <summary>
/// What the gradebook, its CSV export and the contracts read, in a fixed number of queries whatever the numbers of learners
/// and assignments: the policy and the columns (two), then for a set of learners their attempts with their grades and
/// their pacing shifts (two). The arithmetic is <see cref="GradebookArithmetic"/>'s.
/// </summary>
internal sealed class GradebookSheet
{
    private readonly GradebookArithmetic.Category[] _categories;
    private readonly GradebookArithmetic.Column[] _columns;

    private GradebookSheet(GradebookPolicy policy, IReadOnlyList<GradebookColumn> columns)
    {
        Policy = policy;
        Columns = columns;
        _categories = policy.Arithmetic();
        _columns = [.. columns.Select(c => new GradebookArithmetic.Column(policy.IndexOf(c.Category), c.MaxPoints))];
    }

    public GradebookPolicy Policy { get; }

    public IReadOnlyList<GradebookColumn> Columns { get; }

    public static async Task<GradebookSheet> LoadAsync(AssessmentDbContext db, Guid cohortId, DateTimeOffset now, CancellationToken ct)
    {
        var policy = await db.GradebookPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.CohortId == cohortId, ct) ?? GradebookPolicy.DefaultFor(cohortId);
        var columns = await db.Assignments.AsNoTracking()
            .Where(a => a.CohortId == cohortId && a.IsPublished && a.ReleaseAt <= now)
            .OrderBy(a => a.DueAt).ThenBy(a => a.Id)
            .Select(a => new GradebookColumn(a.Id, a.Title, a.Kind, a.Category, a.MaxPoints, a.DueAt))
            .ToListAsync(ct);
        return new GradebookSheet(policy, columns);
    }

    /// <summary>The rows of these learners, in their order.</summary>
    public async Task<List<GradebookRow>> RowsAsync(
        AssessmentDbContext db, ISender sender, Guid cohortId, string timeZone, IReadOnlyList<(Guid Id, string Name)> learners, DateTimeOffset now, CancellationToken ct)
    {
        if (learners.Count == 0 || Columns.Count == 0)
        {
            return [.. learners.Select(l => Row(l.Id, l.Name, new GradebookArithmetic.Cell[Columns.Count], new GradebookCellStatus[Columns.Count]))];
        }

        var ids = learners.Select(l => l.Id).ToList();
        var columnIds = Columns.Select(c => c.Id).ToList();
        // By assignment and author, the unique index's columns: the page's rows only, however many submissions the platform holds.
        var attempts = await (
                from s in db.Submissions.AsNoTracking()
                where columnIds.Contains(s.AssignmentId) && ids.Contains(s.AuthorId)
                from g in db.Grades.Where(g => g.SubmissionId == s.Id).DefaultIfEmpty()
                select new { s.AuthorId, s.AssignmentId, s.Attempt, s.PenaltyPercent, Released = g != null && g.Status == GradeStatus.Released, Score = (decimal?)g!.Score })
            .ToListAsync(ct);
        var shifts = await sender.Send(new GetDueDateShifts(cohortId, ids), ct);

        // Per learner and assignment: handed in, and the released grade of their latest attempt that has one (attempt 0: none).
        var standing = new Dictionary<(Guid, Guid), (int Attempt, decimal Score, int Penalty)>();
        foreach (var a in attempts)
        {
            var key = (a.AuthorId, a.AssignmentId);
            var known = standing.GetValueOrDefault(key);
            standing[key] = a.Released && a.Attempt > known.Attempt ? (a.Attempt, a.Score!.Value, a.PenaltyPercent) : known;
        }

        return [.. learners.Select(learner =>
        {
            var shift = shifts.GetValueOrDefault(learner.Id);
            var cells = new GradebookArithmetic.Cell[Columns.Count];
            var statuses = new GradebookCellStatus[Columns.Count];
            for (var i = 0; i < Columns.Count; i++)
            {
                var column = Columns[i];
                if (standing.TryGetValue((learner.Id, column.Id), out var handedIn))
                {
                    // A quiz's score took its late penalty when it was scored; a grader's score takes it here.
                    (cells[i], statuses[i]) = handedIn.Attempt > 0
                        ? (new GradebookArithmetic.Cell(handedIn.Score, column.Kind == AssignmentKind.Quiz ? 0 : handedIn.Penalty, false), GradebookCellStatus.Released)
                        : (default, GradebookCellStatus.Pending);
                }
                else
                {
                    var missing = now > CohortAssessment.PersonalDueAt(column.DueAt, shift, timeZone);
                    (cells[i], statuses[i]) = (new GradebookArithmetic.Cell(null, 0, missing), missing ? GradebookCellStatus.Missing : GradebookCellStatus.Upcoming);
                }
            }

            return Row(learner.Id, learner.Name, cells, statuses);
        })];
    }

    private GradebookRow Row(Guid id, string name, GradebookArithmetic.Cell[] cells, GradebookCellStatus[] statuses)
    {
        var result = GradebookArithmetic.Compute(_categories, Policy.MissingCountsAsZero, _columns, cells);
        return new GradebookRow(
            id, name, result.Grade, result.Grade is { } grade ? grade >= Policy.PassMark : null,
            [.. Policy.Categories.Select((c, i) => new GradebookCategoryGrade(c.Name, result.Categories[i]))],
            [.. statuses.Select((status, i) => new GradebookCell(result.Points[i], status, result.Dropped[i]))]);
    }
}
