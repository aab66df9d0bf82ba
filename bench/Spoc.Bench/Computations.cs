using BenchmarkDotNet.Attributes;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Domain;

namespace Spoc.Bench;

/// <summary>
/// The pure computations behind the schedule and the progress matrix, without the database: what is left of a request
/// once the rows are in memory. Schedule: GetSchedule's per-activity release and due instants (CohortCourse.ReleaseAt,
/// CohortCourse.EndOfDay, the learner's shifts) for 40 activities. Progress: GetProgress's rows (completions per learner,
/// percentages, ordering) for 50 and 200 learners × 40 activities. The loops mirror the handlers' in-memory part and call
/// the module's own date functions; when a handler's computation moves into a function of its own, call that here instead.
/// </summary>
[MemoryDiagnoser]
public class Computations
{
    private readonly CohortAccessInfo _cohort = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), CohortRole.Learner, new HashSet<CohortCapability> { CohortCapability.ViewInside, CohortCapability.Learn },
        new HashSet<Guid>(), new DateOnly(2027, 3, 1), new DateOnly(2027, 6, 1), "Europe/Paris");

    private (Guid Id, int OffsetDays, int? DueOffsetDays)[] _activities = [];
    private PacingShift[] _shifts = [];
    private (Guid UserId, string Name, bool Withdrawn)[] _learners = [];
    private Completion[] _completions = [];

    [Params(50, 200)]
    public int Learners { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _activities = Enumerable.Range(0, 40).Select(i => (Guid.NewGuid(), (i / 10 * 7) + (i % 10 / 3), (int?)((i / 10 * 7) + 6))).ToArray();
        var learner = Guid.NewGuid();
        _shifts = [new PacingShift { CohortId = _cohort.CohortId, UserId = learner, Days = 2 }, new PacingShift { CohortId = _cohort.CohortId, UserId = learner, ActivityId = _activities[5].Id, Days = 1 }];
        _learners = Enumerable.Range(0, Learners).Select(l => (Guid.NewGuid(), $"Learner {l:D4}", l % 25 == 24)).ToArray();
        var start = new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
        _completions = _learners.SelectMany((l, n) => _activities.Take(n * 37 % 41).Select((a, i) => new Completion { CohortId = _cohort.CohortId, UserId = l.UserId, ActivityId = a.Id, CompletedAt = start.AddHours(i) })).ToArray();
    }

    /// <summary>One learner's schedule of 40 activities (independent of <see cref="Learners"/>).</summary>
    [Benchmark]
    public int Schedule()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(_cohort.TimeZone);
        var shiftForAll = _shifts.Where(s => s.ActivityId == null).Sum(s => s.Days);
        var count = 0;
        foreach (var a in _activities)
        {
            var shift = shiftForAll + _shifts.Where(s => s.ActivityId == a.Id).Sum(s => s.Days);
            var releaseAt = _cohort.ReleaseAt(a.OffsetDays);
            var dueAt = a.DueOffsetDays is { } due ? CohortCourse.EndOfDay(_cohort.StartsOn.AddDays(due + shift), zone) : (DateTimeOffset?)null;
            count += releaseAt < dueAt ? 1 : 0;
        }

        return count;
    }

    /// <summary>The progress matrix's rows: completions grouped per learner, percentage, sorted as the response is.</summary>
    [Benchmark]
    public int ProgressPercentages()
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
