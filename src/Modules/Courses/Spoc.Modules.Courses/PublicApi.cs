using FluentValidation;
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
    IQueryHandler<GetCompletionsOfUser, IReadOnlyList<CohortActivity>>,
    IQueryHandler<GetDueDateShifts, IReadOnlyDictionary<Guid, int>>,
    IQueryHandler<GetCourseCompetencies, IReadOnlyList<CourseCompetency>>,
    IQueryHandler<GetDueDateShiftsOfUser, IReadOnlyDictionary<Guid, int>>,
    IQueryHandler<GetActivitySummaries, IReadOnlyList<ActivitySummary>>,
    IQueryHandler<GetCompletionRates, IReadOnlyList<LearnerCompletionRate>>,
    IQueryHandler<GetCompetencyCompletions, CompetencyCompletions>,
    IQueryHandler<GetNextActivities, IReadOnlyList<NextActivity>>,
    IQueryHandler<GetCompetenciesOfCourses, IReadOnlyDictionary<Guid, IReadOnlyList<CourseCompetency>>>,
    IQueryHandler<GetCoursePresentation, CoursePresentation?>
{
    /// <summary>One statement: the course with its competencies; the summary is rendered here, as lessons are, so the page shows sanitized HTML.</summary>
    public async ValueTask<CoursePresentation?> Handle(GetCoursePresentation query, CancellationToken cancellationToken)
    {
        var course = await db.Courses.AsNoTracking()
            // A draft is shown to nobody outside its staff: the public page of a cohort on a draft is a 404.
            .Where(c => c.Id == query.CourseId && c.IsPublished)
            .Select(c => new { c.Title, c.Summary, Competencies = c.Competencies.OrderBy(k => k.Code).Select(k => new PresentedCompetency(k.Code, k.Title)).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        return course is null ? null : new CoursePresentation(course.Title, Spoc.SharedKernel.Text.Markdown.ToSafeHtml(course.Summary), course.Competencies);
    }

    public async ValueTask<IReadOnlyDictionary<Guid, IReadOnlyList<CourseCompetency>>> Handle(GetCompetenciesOfCourses query, CancellationToken cancellationToken) =>
        query.CourseIds.Count == 0
            ? new Dictionary<Guid, IReadOnlyList<CourseCompetency>>()
            : (await db.Courses.AsNoTracking()
                .Where(c => query.CourseIds.Contains(c.Id))
                .SelectMany(c => c.Competencies, (c, k) => new { CourseId = c.Id, k.Code, k.Title })
                .ToListAsync(cancellationToken))
                .GroupBy(k => k.CourseId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<CourseCompetency>)[.. g.OrderBy(k => k.Code).Select(k => new CourseCompetency(k.Code, k.Title))]);

    /// <summary>Three statements: the courses' published activities, the learner's completions and their shifts in these cohorts.</summary>
    public async ValueTask<IReadOnlyList<NextActivity>> Handle(GetNextActivities query, CancellationToken cancellationToken)
    {
        if (query.Cohorts.Count == 0)
        {
            return [];
        }

        var courseIds = query.Cohorts.Select(c => c.CourseId).Distinct().ToList();
        var cohortIds = query.Cohorts.Select(c => c.CohortId).ToList();
        var activities = await db.Set<Domain.Activity>().AsNoTracking()
            .Where(a => courseIds.Contains(a.CourseId) && db.Courses.Any(c => c.Id == a.CourseId && c.IsPublished))
            .Join(db.Set<Domain.Section>(), a => a.SectionId, s => s.Id, (a, s) => new { a.Id, a.CourseId, a.Title, a.Kind, a.OffsetDays, a.DueOffsetDays, Section = s.Position, a.Position })
            .OrderBy(a => a.Section).ThenBy(a => a.Position)
            .ToListAsync(cancellationToken);
        var done = (await db.Completions.AsNoTracking()
            .Where(c => c.UserId == query.UserId && cohortIds.Contains(c.CohortId))
            .Select(c => new { c.CohortId, c.ActivityId })
            .ToListAsync(cancellationToken)).ToHashSet();
        var shifts = await db.PacingShifts.AsNoTracking()
            .Where(p => p.UserId == query.UserId && cohortIds.Contains(p.CohortId))
            .Select(p => new { p.CohortId, p.ActivityId, p.Days })
            .ToListAsync(cancellationToken);

        // The schedule's own arithmetic (GetSchedule): released from the start plus the offset, due at the end of the shifted due day.
        return [.. query.Cohorts.SelectMany(cohort =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(cohort.TimeZone);
            var forAll = shifts.Where(s => s.CohortId == cohort.CohortId && s.ActivityId == null).Sum(s => s.Days);
            return activities
                .Where(a => a.CourseId == cohort.CourseId && !done.Contains(new { cohort.CohortId, ActivityId = a.Id }))
                .Take(query.PerCohort)
                .Select(a =>
                {
                    var shift = forAll + shifts.Where(s => s.CohortId == cohort.CohortId && s.ActivityId == a.Id).Sum(s => s.Days);
                    return new NextActivity(cohort.CohortId, a.Id, a.Title, a.Kind, Domain.CohortCourse.StartOfDay(cohort.StartsOn.AddDays(a.OffsetDays), zone),
                        a.DueOffsetDays is { } due ? Domain.CohortCourse.EndOfDay(cohort.StartsOn.AddDays(due + shift), zone) : null);
                });
        })];
    }

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
            : await ActivitySummaries(db, query.CourseId, query.ActivityIds is null, [.. query.ActivityIds ?? []],
                query.DoneBy is not null, query.DoneBy?.CohortId ?? Guid.Empty, query.DoneBy?.UserId ?? Guid.Empty).ToListAsync(cancellationToken);

    // The contract queries that hot pages send (live sessions, the agenda) are compiled once, as every hot read (docs/performance.md).
    private static readonly Func<CoursesDbContext, Guid, bool, Guid[], bool, Guid, Guid, IAsyncEnumerable<ActivitySummary>> ActivitySummaries =
        EF.CompileAsyncQuery((CoursesDbContext db, Guid courseId, bool all, Guid[] ids, bool withDone, Guid cohortId, Guid userId) =>
            db.Courses.AsNoTracking()
                .Where(c => c.Id == courseId)
                .SelectMany(c => c.Sections)
                .SelectMany(s => s.Activities, (s, a) => new { Section = s.Position, Activity = a })
                .Where(x => all || ids.Contains(x.Activity.Id))
                .OrderBy(x => x.Section).ThenBy(x => x.Activity.Position)
                .Select(x => new ActivitySummary(x.Activity.Id, x.Activity.Title, x.Activity.Kind,
                    withDone ? db.Completions.Any(d => d.CohortId == cohortId && d.UserId == userId && d.ActivityId == x.Activity.Id) : null)));

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
            : await ShiftsOfUser(db, query.UserId, [.. query.CohortIds]).ToDictionaryAsync(x => x.Id, x => x.Days, cancellationToken: cancellationToken);

    private static readonly Func<CoursesDbContext, Guid, Guid[], IAsyncEnumerable<Shift>> ShiftsOfUser =
        EF.CompileAsyncQuery((CoursesDbContext db, Guid userId, Guid[] cohortIds) =>
            db.PacingShifts.AsNoTracking()
                .Where(p => p.UserId == userId && p.ActivityId == null && cohortIds.Contains(p.CohortId))
                .GroupBy(p => p.CohortId)
                .Select(g => new Shift(g.Key, g.Sum(p => p.Days))));

    /// <summary>The days a due date moves, totalled by cohort (one learner's) or by learner (one cohort's).</summary>
    private sealed record Shift(Guid Id, int Days);

    public async ValueTask<IReadOnlyDictionary<Guid, int>> Handle(GetDueDateShifts query, CancellationToken cancellationToken) =>
        query.UserIds.Count == 0
            ? new Dictionary<Guid, int>()
            : await db.PacingShifts.AsNoTracking()
                .Where(p => p.CohortId == query.CohortId && p.ActivityId == null && query.UserIds.Contains(p.UserId))
                .GroupBy(p => p.UserId)
                .Select(g => new Shift(g.Key, g.Sum(p => p.Days)))
                .ToDictionaryAsync(x => x.Id, x => x.Days, cancellationToken);

    public async ValueTask<IReadOnlyList<ActivityCompletion>> Handle(GetCompletions query, CancellationToken cancellationToken) =>
        query.ActivityIds.Count == 0
            ? []
            : await db.Completions.AsNoTracking()
                .Where(c => c.CohortId == query.CohortId && query.ActivityIds.Contains(c.ActivityId))
                .Select(c => new ActivityCompletion(c.UserId, c.ActivityId, c.CompletedAt))
                .ToListAsync(cancellationToken);

    public async ValueTask<IReadOnlyList<CohortActivity>> Handle(GetCompletionsOfUser query, CancellationToken cancellationToken) =>
        query.ActivityIds.Count == 0 || query.CohortIds.Count == 0
            ? []
            : await CompletionsOfUser(db, query.UserId, [.. query.CohortIds], [.. query.ActivityIds]).ToListAsync(cancellationToken);

    private static readonly Func<CoursesDbContext, Guid, Guid[], Guid[], IAsyncEnumerable<CohortActivity>> CompletionsOfUser =
        EF.CompileAsyncQuery((CoursesDbContext db, Guid userId, Guid[] cohortIds, Guid[] activityIds) =>
            db.Completions.AsNoTracking()
                .Where(c => cohortIds.Contains(c.CohortId) && c.UserId == userId && activityIds.Contains(c.ActivityId))
                .Select(c => new CohortActivity(c.CohortId, c.ActivityId)));

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

/// <summary>The cohorts the follow-up names are Cohorts' own (their time zones checked there); the text rule still wants a limit.</summary>
internal sealed class GetNextActivitiesValidator : AbstractValidator<GetNextActivities>
{
    public GetNextActivitiesValidator() => RuleForEach(q => q.Cohorts).ChildRules(c => c.RuleFor(x => x.TimeZone).MaximumLength(64));
}
