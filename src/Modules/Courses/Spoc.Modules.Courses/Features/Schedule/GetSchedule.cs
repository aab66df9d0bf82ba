using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Text;

namespace Spoc.Modules.Courses.Features.Schedule;

/// <summary>
/// GET /cohorts/{cohortId}/schedule: every activity's release and due instants for the caller, from the cohort's start
/// in its time zone plus the learner's personal shifts. Unreleased activities show their title and date, not their content.
/// Trainers and org admins see everything, and any learner's personal schedule with <c>?userId=</c>; a mentor their own learners'.
/// </summary>
internal static class GetSchedule
{
    public sealed record Query(Guid CohortId, Guid? UserId) : IQuery<Response>;

    /// <param name="ReleaseAt">Start of the release day in the cohort's time zone: <c>startsOn</c> + the activity's offset, the same day for every learner.</param>
    /// <param name="DueAt">End of the due day in the cohort's time zone, moved by this learner's <c>shiftDays</c>; null: no due date.</param>
    /// <param name="ShiftDays">The learner's pacing shift for this activity (negative: earlier), set by their mentor or trainer.</param>
    /// <param name="Released">Whether <c>releaseAt</c> has passed; content, link and file are given only then (staff always see them).</param>
    /// <param name="ContentHtml">The rendered content; null until released.</param>
    /// <param name="Url">The link; null until released.</param>
    /// <param name="HasFile">A file can be downloaded from the activity's file route (once released).</param>
    /// <param name="CompletedAt">When this learner marked it done; null otherwise.</param>
    public sealed record ScheduledActivity(
        Guid ActivityId, Guid SectionId, string SectionTitle, ActivityKind Kind, string Title, int DurationMinutes,
        DateTimeOffset ReleaseAt, DateTimeOffset? DueAt, int ShiftDays, bool Released, string? ContentHtml, string? Url, bool HasFile, DateTimeOffset? CompletedAt);

    /// <summary>An extra resource the learner's mentor or trainer added to their schedule.</summary>
    /// <param name="ContentHtml">The extra's Markdown, rendered and sanitised.</param>
    public sealed record Extra(Guid Id, string Title, string? Url, string ContentHtml);

    /// <summary>A competency the course develops, e.g. "C1" — "Conduire un entretien".</summary>
    public sealed record CourseCompetencyItem(string Code, string Title);

    /// <summary>What the course is about, as its learners read it on the course page.</summary>
    /// <param name="SummaryHtml">The course's Markdown summary, rendered and sanitised.</param>
    public sealed record CourseAbout(string Title, string SummaryHtml, IReadOnlyList<CourseCompetencyItem> Competencies);

    /// <summary>A cohort's schedule: each published activity with its release and due times.</summary>
    /// <param name="TimeZone">The cohort's IANA time zone: release and due times are the start of days in it.</param>
    /// <param name="LearnerId">Whose schedule this is (with their pacing); null: the cohort's plain schedule, for staff.</param>
    /// <param name="Activities">In course order: section position, then activity position.</param>
    /// <param name="Course">The course's title, summary and competencies; null while it is an unpublished draft the caller may not preview.</param>
    public sealed record Response(
        Guid CohortId, Guid CourseId, string TimeZone, DateOnly StartsOn, Guid? LearnerId, IReadOnlyList<ScheduledActivity> Activities, IReadOnlyList<Extra> ExtraResources,
        CourseAbout? Course);

    internal sealed class Handler(CoursesDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var access = await sender.RequireInsideAsync(query.CohortId, me.Id, cancellationToken);
            if (query.UserId is { } userId && userId != me.Id && !access.CanActOn(userId))
            {
                throw ProblemException.Forbidden("Only trainers, org admins and the learner's own mentor see another learner's schedule.");
            }

            Guid? learnerId = query.UserId ?? (access.Role == CohortRole.Learner ? me.Id : null);
            var preview = access.Can(CohortCapability.PreviewContent);
            var showEverything = preview && query.UserId is null;
            var zone = TimeZoneInfo.FindSystemTimeZoneById(access.TimeZone);
            var now = clock.GetUtcNow();

            // No learner (staff's own view): the learner columns read nobody's rows.
            var activities = await ActivitiesOf(db, access.CourseId, preview, query.CohortId, learnerId ?? Guid.Empty).ToListAsync(cancellationToken);
            var course = await CourseOf(db, access.CourseId, preview, cancellationToken);
            var extras = learnerId is { } learner ? await ExtrasOf(db, query.CohortId, learner).ToListAsync(cancellationToken) : [];

            var scheduled = activities.Select(a =>
            {
                var releaseAt = CohortCourse.StartOfDay(access.StartsOn.AddDays(a.OffsetDays), zone); // the zone found once, not per activity
                var dueAt = a.DueOffsetDays is { } due ? CohortCourse.EndOfDay(access.StartsOn.AddDays(due + a.ShiftDays), zone) : (DateTimeOffset?)null;
                var released = releaseAt <= now;
                var visible = released || showEverything;
                return new ScheduledActivity(a.Id, a.SectionId, a.SectionTitle, a.Kind, a.Title, a.DurationMinutes, releaseAt, dueAt, a.ShiftDays, released,
                    visible ? a.ContentHtml : null, visible ? a.Url : null, a.HasFile, a.CompletedAt);
            }).ToList();
            return new Response(access.CohortId, access.CourseId, access.TimeZone, access.StartsOn, learnerId, scheduled, extras,
                course is null ? null : new CourseAbout(course.Title, Markdown.ToSafeHtml(course.Summary), course.Competencies));
        }
    }

    // Compiled once, as every hot read (docs/performance.md). The course's "published" rule is inside the activities' statement,
    // a row reads only the columns it shows (no Markdown source), and the learner's shift (the cohort-wide one plus the
    // activity's own) and completion of it come in the same statement, by index lookups, not as two more statements.
    private static readonly Func<CoursesDbContext, Guid, bool, Guid, Guid, IAsyncEnumerable<ActivityRow>> ActivitiesOf =
        EF.CompileAsyncQuery<CoursesDbContext, Guid, bool, Guid, Guid, ActivityRow>((db, courseId, preview, cohortId, learnerId) =>
            db.Set<Activity>().AsNoTracking()
                .Where(a => a.CourseId == courseId && (preview || db.Courses.Any(c => c.Id == a.CourseId && c.IsPublished)))
                .Join(db.Set<Section>(), a => a.SectionId, s => s.Id, (a, s) => new { Activity = a, Section = s })
                .OrderBy(x => x.Section.Position).ThenBy(x => x.Activity.Position)
                .Select(x => new ActivityRow(
                    x.Activity.Id, x.Activity.SectionId, x.Section.Title, x.Activity.Kind, x.Activity.Title, x.Activity.DurationMinutes, x.Activity.OffsetDays,
                    x.Activity.DueOffsetDays, x.Activity.ContentHtml, x.Activity.Url, x.Activity.FileId != null,
                    db.PacingShifts.Where(p => p.CohortId == cohortId && p.UserId == learnerId && (p.ActivityId == x.Activity.Id || p.ActivityId == null)).Sum(p => p.Days),
                    db.Completions.Where(c => c.CohortId == cohortId && c.UserId == learnerId && c.ActivityId == x.Activity.Id)
                        .Select(c => (DateTimeOffset?)c.CompletedAt).FirstOrDefault())));

    private static readonly Func<CoursesDbContext, Guid, bool, CancellationToken, Task<CourseRow?>> CourseOf =
        EF.CompileAsyncQuery((CoursesDbContext db, Guid courseId, bool preview, CancellationToken ct) =>
            db.Courses.AsNoTracking()
                .Where(c => c.Id == courseId && (preview || c.IsPublished))
                .Select(c => new CourseRow(c.Title, c.Summary, c.Competencies.OrderBy(k => k.Code).Select(k => new CourseCompetencyItem(k.Code, k.Title)).ToList()))
                .FirstOrDefault());

    private static readonly Func<CoursesDbContext, Guid, Guid, IAsyncEnumerable<Extra>> ExtrasOf =
        EF.CompileAsyncQuery((CoursesDbContext db, Guid cohortId, Guid learnerId) =>
            db.ExtraResources.AsNoTracking().Where(r => r.CohortId == cohortId && r.UserId == learnerId).Select(r => new Extra(r.Id, r.Title, r.Url, r.ContentHtml)));

    private sealed record ActivityRow(
        Guid Id, Guid SectionId, string SectionTitle, ActivityKind Kind, string Title, int DurationMinutes, int OffsetDays, int? DueOffsetDays,
        string ContentHtml, string? Url, bool HasFile, int ShiftDays, DateTimeOffset? CompletedAt);

    private sealed record CourseRow(string Title, string Summary, List<CourseCompetencyItem> Competencies);

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/schedule", async (Guid cohortId, Guid? userId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, userId), ct)))
            .WithName("GetCohortSchedule")
            .WithSummary("Release and due dates of every activity for the caller (trainers, org admins: any learner with userId; mentors: their own learners)")
            .WithDescription("Requires `ViewInside` (the cohort's trainers, mentors, learners and owner admins; 403 for a partner's admin, 404 for outsiders). A learner gets their own dates, with their pacing shifts, completions and extra resources; `userId` asks for another learner's (`ActOnAllLearners`, or `ActOnOwnMentees` for a mentor's own learners; 403 otherwise). `course` gives the course's title, rendered summary and competencies (null for an unpublished draft the caller may not preview). Release and due dates are computed in the cohort's time zone; content stays hidden until released, except for staff previewing without `userId`.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.CohortsRead)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
