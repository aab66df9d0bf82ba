using BenchmarkDotNet.Attributes;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Domain;

namespace Spoc.Bench;

/// <summary>
/// The pure computations behind the schedule and the progress matrix, without the database: what is left of a request
/// once the rows are in memory. The loops mirror the handlers' in-memory part (GetSchedule, GetProgress) and call the
/// module's own date functions; when a handler's computation moves into a function of its own, call that here instead.
/// </summary>
internal static class Computations
{
    public static readonly CohortAccessInfo Cohort = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), CohortRole.Learner,
        new HashSet<CohortCapability> { CohortCapability.ViewInside, CohortCapability.Learn }, new HashSet<Guid>(), new DateOnly(2027, 3, 1), new DateOnly(2027, 6, 1), "Europe/Paris");

    /// <summary>40 activities as the seeder lays them out: 4 weekly sections, due at the end of their week.</summary>
    public static (Guid Id, int OffsetDays, int? DueOffsetDays)[] Activities() =>
        Enumerable.Range(0, 40).Select(i => (Guid.NewGuid(), (i / 10 * 7) + (i % 10 / 3), (int?)((i / 10 * 7) + 6))).ToArray();
}

/// <summary>GetSchedule's per-activity release and due instants (CohortCourse.ReleaseAt, CohortCourse.EndOfDay, the learner's shifts).</summary>
[MemoryDiagnoser]
public class Schedule
{
    private (Guid Id, int OffsetDays, int? DueOffsetDays)[] _activities = [];
    private PacingShift[] _shifts = [];

    [GlobalSetup]
    public void Setup()
    {
        _activities = Computations.Activities();
        var learner = Guid.NewGuid();
        _shifts = [new PacingShift { CohortId = Computations.Cohort.CohortId, UserId = learner, Days = 2 }, new PacingShift { CohortId = Computations.Cohort.CohortId, UserId = learner, ActivityId = _activities[5].Id, Days = 1 }];
    }

    /// <summary>One learner's schedule of 40 activities.</summary>
    [Benchmark]
    public int FortyActivities()
    {
        var cohort = Computations.Cohort;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(cohort.TimeZone);
        var shiftForAll = _shifts.Where(s => s.ActivityId == null).Sum(s => s.Days);
        var count = 0;
        foreach (var a in _activities)
        {
            var shift = shiftForAll + _shifts.Where(s => s.ActivityId == a.Id).Sum(s => s.Days);
            var releaseAt = cohort.ReleaseAt(a.OffsetDays);
            var dueAt = a.DueOffsetDays is { } due ? CohortCourse.EndOfDay(cohort.StartsOn.AddDays(due + shift), zone) : (DateTimeOffset?)null;
            count += releaseAt < dueAt ? 1 : 0;
        }

        return count;
    }
}

/// <summary>GetProgress's rows: completions grouped per learner, percentage, sorted as the response is; 40 activities.</summary>
[MemoryDiagnoser]
public class ProgressPercentages
{
    private (Guid Id, int OffsetDays, int? DueOffsetDays)[] _activities = [];
    private (Guid UserId, string Name, bool Withdrawn)[] _learners = [];
    private Completion[] _completions = [];

    [Params(50, 200)]
    public int Learners { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _activities = Computations.Activities();
        _learners = Enumerable.Range(0, Learners).Select(l => (Guid.NewGuid(), $"Learner {l:D4}", l % 25 == 24)).ToArray();
        var start = new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
        _completions = _learners.SelectMany((l, n) => _activities.Take(n * 37 % 41)
            .Select((a, i) => new Completion { CohortId = Computations.Cohort.CohortId, UserId = l.UserId, ActivityId = a.Id, CompletedAt = start.AddHours(i) })).ToArray();
    }

    [Benchmark]
    public int Rows()
    {
        var completions = _completions.ToLookup(c => c.UserId);
        var activityIds = _activities.Select(a => a.Id).ToHashSet();
        var rows = _learners
            .Select(l =>
            {
                var done = completions[l.UserId].Where(c => activityIds.Contains(c.ActivityId)).OrderBy(c => c.CompletedAt).Select(c => (c.ActivityId, c.CompletedAt)).ToList();
                return (l.UserId, l.Name, l.Withdrawn, Percent: (int)Math.Round(100.0 * done.Count / _activities.Length), done);
            })
            .OrderBy(r => r.Withdrawn).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
        return rows.Sum(r => r.Percent);
    }
}

/// <summary>
/// The gradebook's arithmetic (GradebookArithmetic.Compute, the function GetGradebook calls per learner) over the seeder's
/// 100 assignments in three weighted categories with drop-lowest and missing work as 0: a page of learners' rows.
/// </summary>
[MemoryDiagnoser]
public class GradebookGrades
{
    private readonly GradebookArithmetic.Category[] _categories = [new(30m, 2), new(40m, 1), new(30m, 0)];
    private GradebookArithmetic.Column[] _columns = [];
    private GradebookArithmetic.Cell[][] _cells = [];

    [Params(20, 200)]
    public int Learners { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _columns = [.. Enumerable.Range(0, 100).Select(a => new GradebookArithmetic.Column(a % 3, 20m))];
        _cells = [.. Enumerable.Range(0, Learners).Select(l => Enumerable.Range(0, 100).Select(a =>
            (l * 7 + a) % 11 == 0 ? new GradebookArithmetic.Cell(null, 0, true)
            : (l + a) % 13 == 0 ? default
            : new GradebookArithmetic.Cell(((l * 31) + (a * 17)) % 41 / 2m, (l + a) % 17 == 0 ? 20 : 0, false)).ToArray())];
    }

    [Benchmark]
    public decimal Rows()
    {
        var sum = 0m;
        foreach (var cells in _cells)
        {
            sum += GradebookArithmetic.Compute(_categories, true, _columns, cells).Grade ?? 0m;
        }

        return sum;
    }
}
