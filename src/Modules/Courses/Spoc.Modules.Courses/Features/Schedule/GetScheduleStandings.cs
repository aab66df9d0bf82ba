using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;

namespace Spoc.Modules.Courses.Features.Schedule;

/// <summary>
/// Each learner's standing against their own schedule, in five statements whatever the numbers of learners and activities:
/// the roster and the cohort's start (Cohorts), the course's due offsets, the cohort's pacing shifts, the completions. Due
/// dates as <see cref="GetSchedule"/> computes them: the end of the due day in the cohort's time zone, shifted by the
/// learner's shift for all activities plus the one for that activity.
/// </summary>
internal sealed class GetScheduleStandingsHandler(CoursesDbContext db, ISender sender, TimeProvider clock)
    : IQueryHandler<GetScheduleStandings, IReadOnlyList<ScheduleStanding>>
{
    public async ValueTask<IReadOnlyList<ScheduleStanding>> Handle(GetScheduleStandings query, CancellationToken cancellationToken)
    {
        var roster = await sender.Send(new GetCohortLearners(query.CohortId, query.LearnerId), cancellationToken);
        var facts = roster is { LearnerIds.Count: > 0 } ? await sender.Send(new GetCohortCertificationFacts(query.CohortId), cancellationToken) : null;
        if (roster is null || facts is null)
        {
            return [];
        }

        var activities = await db.Set<Activity>().AsNoTracking().Where(a => a.CourseId == roster.CourseId)
            .Select(a => new { a.Id, a.DueOffsetDays }).ToListAsync(cancellationToken);
        var shifts = db.PacingShifts.AsNoTracking().Where(p => p.CohortId == query.CohortId);
        var completions = db.Completions.AsNoTracking().Where(c => c.CohortId == query.CohortId && db.Set<Activity>().Any(a => a.Id == c.ActivityId && a.CourseId == roster.CourseId));
        if (query.LearnerId is { } learner)
        {
            shifts = shifts.Where(p => p.UserId == learner);
            completions = completions.Where(c => c.UserId == learner);
        }

        var shiftsOf = (await shifts.Select(p => new { p.UserId, p.ActivityId, p.Days }).ToListAsync(cancellationToken)).ToLookup(p => p.UserId);
        var done = await completions.GroupBy(c => c.UserId).Select(g => new { UserId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.UserId, x => x.Count, cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(roster.TimeZone);
        var now = clock.GetUtcNow();
        var dated = activities.Where(a => a.DueOffsetDays is not null).ToList();
        return [.. roster.LearnerIds.Select(id =>
        {
            var own = shiftsOf[id].ToList();
            var forAll = own.Where(s => s.ActivityId == null).Sum(s => s.Days);
            var due = dated.Count(a => CohortCourse.EndOfDay(facts.StartsOn.AddDays(a.DueOffsetDays!.Value + forAll + own.Where(s => s.ActivityId == a.Id).Sum(s => s.Days)), zone) < now);
            return new ScheduleStanding(id, done.GetValueOrDefault(id), due, activities.Count);
        })];
    }
}
