using Mediator;
using Spoc.Modules.Cohorts.Contracts;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Courses.Data;

namespace Spoc.Modules.Courses;

/// <summary>The front door of Courses: everything other modules may ask it (Spoc.Modules.Courses.Contracts).</summary>
internal sealed class PublicApi(CoursesDbContext db) :
    IQueryHandler<GetCourse, CourseSummary?>,
    IQueryHandler<GetCoursesOfOrganization, IReadOnlyList<CourseSummary>>,
    IQueryHandler<GetCompletions, IReadOnlyList<ActivityCompletion>>,
    IQueryHandler<GetDueDateShifts, IReadOnlyDictionary<Guid, int>>,
    IQueryHandler<GetCourseCompetencies, IReadOnlyList<CourseCompetency>>,
    IQueryHandler<GetDueDateShiftsOfUser, IReadOnlyDictionary<Guid, int>>,
    IQueryHandler<GetActivitySummaries, IReadOnlyList<ActivitySummary>>,
    IQueryHandler<GetCompletionRates, IReadOnlyList<LearnerCompletionRate>>,
    IQueryHandler<GetCompetencyCompletions, CompetencyCompletions>
{
    public async ValueTask<CompetencyCompletions> Handle(GetCompetencyCompletions query, CancellationToken cancellationToken)
    {
        var activities = await db.Set<Domain.Activity>().AsNoTracking().Where(a => a.CourseId == query.CourseId)
            .Select(a => new CompetencyActivity(a.Id, a.CompetencyCodes)).ToListAsync(cancellationToken);
        var ids = activities.Select(a => a.ActivityId).ToList();
        var completions = ids.Count == 0
            ? []
            : await db.Completions.AsNoTracking()
                .Where(c => c.CohortId == query.CohortId && ids.Contains(c.ActivityId) && (query.UserId == null || c.UserId == query.UserId))
                .Select(c => new ActivityCompletion(c.UserId, c.ActivityId, c.CompletedAt))
                .ToListAsync(cancellationToken);
        return new CompetencyCompletions(activities, completions);
    }

    /// <summary>Two statements: the course's number of activities, then per learner their completions of them.</summary>
    public async ValueTask<IReadOnlyList<LearnerCompletionRate>> Handle(GetCompletionRates query, CancellationToken cancellationToken)
    {
        var activities = db.Set<Domain.Activity>().Where(a => a.CourseId == query.CourseId);
        var total = await activities.CountAsync(cancellationToken);
        if (total == 0)
        {
            return [];
        }

        var done = await db.Completions.AsNoTracking()
            .Where(c => c.CohortId == query.CohortId && activities.Any(a => a.Id == c.ActivityId))
            .GroupBy(c => c.UserId)
            .Select(g => new { UserId = g.Key, Done = g.Count() })
            .ToListAsync(cancellationToken);
        // The progress matrix's rounding (GetProgress), so both screens show the same figure.
        return [.. done.Select(d => new LearnerCompletionRate(d.UserId, d.Done, total, (int)Math.Round(100.0 * d.Done / total)))];
    }

    public async ValueTask<IReadOnlyList<ActivitySummary>> Handle(GetActivitySummaries query, CancellationToken cancellationToken) =>
        query.ActivityIds is { Count: 0 }
            ? []
            : await db.Courses.AsNoTracking()
                .Where(c => c.Id == query.CourseId)
                .SelectMany(c => c.Sections)
                .SelectMany(s => s.Activities, (s, a) => new { Section = s.Position, Activity = a })
                .Where(x => query.ActivityIds == null || query.ActivityIds.Contains(x.Activity.Id))
                .OrderBy(x => x.Section).ThenBy(x => x.Activity.Position)
                .Select(x => new ActivitySummary(x.Activity.Id, x.Activity.Title, x.Activity.Kind))
                .ToListAsync(cancellationToken);

    public async ValueTask<IReadOnlyList<CourseCompetency>> Handle(GetCourseCompetencies query, CancellationToken cancellationToken) =>
        await db.Courses.AsNoTracking()
            .Where(c => c.Id == query.CourseId)
            .SelectMany(c => c.Competencies)
            .OrderBy(c => c.Code)
            .Select(c => new CourseCompetency(c.Code, c.Title))
            .ToListAsync(cancellationToken);

    public async ValueTask<IReadOnlyDictionary<Guid, int>> Handle(GetDueDateShiftsOfUser query, CancellationToken cancellationToken) =>
        query.CohortIds.Count == 0
            ? new Dictionary<Guid, int>()
            : await db.PacingShifts.AsNoTracking()
                .Where(p => p.UserId == query.UserId && p.ActivityId == null && query.CohortIds.Contains(p.CohortId))
                .GroupBy(p => p.CohortId)
                .Select(g => new { CohortId = g.Key, Days = g.Sum(p => p.Days) })
                .ToDictionaryAsync(x => x.CohortId, x => x.Days, cancellationToken);

    public async ValueTask<IReadOnlyDictionary<Guid, int>> Handle(GetDueDateShifts query, CancellationToken cancellationToken) =>
        query.UserIds.Count == 0
            ? new Dictionary<Guid, int>()
            : await db.PacingShifts.AsNoTracking()
                .Where(p => p.CohortId == query.CohortId && p.ActivityId == null && query.UserIds.Contains(p.UserId))
                .GroupBy(p => p.UserId)
                .Select(g => new { UserId = g.Key, Days = g.Sum(p => p.Days) })
                .ToDictionaryAsync(x => x.UserId, x => x.Days, cancellationToken);

    public async ValueTask<IReadOnlyList<ActivityCompletion>> Handle(GetCompletions query, CancellationToken cancellationToken) =>
        query.ActivityIds.Count == 0
            ? []
            : await db.Completions.AsNoTracking()
                .Where(c => c.CohortId == query.CohortId && query.ActivityIds.Contains(c.ActivityId))
                .Select(c => new ActivityCompletion(c.UserId, c.ActivityId, c.CompletedAt))
                .ToListAsync(cancellationToken);

    public async ValueTask<IReadOnlyList<CourseSummary>> Handle(GetCoursesOfOrganization query, CancellationToken cancellationToken) =>
        await db.Courses.AsNoTracking()
            .Where(c => c.OrganizationId == query.OrganizationId)
            .OrderBy(c => c.Title)
            .Select(c => new CourseSummary(c.Id, c.OrganizationId, c.Title, c.Language))
            .ToListAsync(cancellationToken);

    public async ValueTask<CourseSummary?> Handle(GetCourse query, CancellationToken cancellationToken) =>
        await db.Courses.AsNoTracking()
            .Where(c => c.Id == query.CourseId)
            .Select(c => new CourseSummary(c.Id, c.OrganizationId, c.Title, c.Language))
            .FirstOrDefaultAsync(cancellationToken);
}
