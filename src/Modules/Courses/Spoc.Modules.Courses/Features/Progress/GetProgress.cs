using System.Text.Json.Serialization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Courses.Features.Progress;

/// <summary>
/// GET /cohorts/{cohortId}/progress: trainers and org admins get the learners × activities matrix with completion
/// percentages, a mentor the rows of their own learners, a learner their own row. A fixed number of queries whatever the
/// number of learners and activities.
/// </summary>
internal static class GetProgress
{
    public sealed record Query(Guid CohortId) : IQuery<Response>;

    public sealed record ActivityColumn(Guid Id, Guid SectionId, string SectionTitle, string Title, ActivityKind Kind);

    /// <summary>
    /// A learner's row. <c>done</c>: the indexes (in <c>activities</c>) of the activities they completed, ascending;
    /// <c>doneAt</c>: when, in Unix seconds (UTC), one per entry of <c>done</c>. Compact on purpose: a 200 × 40 matrix
    /// carried an activity id and an ISO timestamp per done cell.
    /// </summary>
    /// <param name="Withdrawn">The learner left the cohort; their row is kept and listed last.</param>
    /// <param name="CompletionPercent">Share of the course's activities completed, 0 to 100.</param>
    /// <param name="Late">The indexes (in <c>activities</c>) of the activities whose due date for this learner (the end of the due day in the
    /// cohort's time zone, shifted by their pacing) has passed without their completing it by then: not done yet, or done after it; ascending.</param>
    public sealed record LearnerRow(Guid UserId, string DisplayName, bool Withdrawn, int CompletionPercent, IReadOnlyList<int> Done, IReadOnlyList<long> DoneAt, IReadOnlyList<int> Late);

    /// <summary>Versioned by its content alone (the ETag's digest of the JSON): a repeated read of an unchanged matrix is a 304.</summary>
    public sealed record Response(Guid CohortId, IReadOnlyList<ActivityColumn> Activities, IReadOnlyList<LearnerRow> Learners) : IVersioned
    {
        [JsonIgnore]
        public Guid Version => Guid.Empty;
    }

    internal sealed class Handler(CoursesDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var access = await sender.RequireInsideAsync(query.CohortId, me.Id, cancellationToken);
            // null: every row; otherwise the learners the caller may see (their mentees, themselves).
            var only = access.Can(CohortCapability.ActOnAllLearners) ? null : access.MentoredLearnerIds.Append(me.Id).ToList();
            var activities = await db.Set<Activity>().AsNoTracking()
                .Where(a => a.CourseId == access.CourseId)
                .Join(db.Set<Section>(), a => a.SectionId, s => s.Id, (a, s) => new { a, s.Position, s.Title })
                .OrderBy(x => x.Position).ThenBy(x => x.a.Position)
                .Select(x => new { Column = new ActivityColumn(x.a.Id, x.a.SectionId, x.Title, x.a.Title, x.a.Kind), x.a.DueOffsetDays })
                .ToListAsync(cancellationToken);
            var learners = await db.CohortLearners.AsNoTracking()
                .Where(l => l.CohortId == query.CohortId && (only == null || only.Contains(l.UserId)))
                .Select(l => new { l.UserId, Withdrawn = l.WithdrawnAt != null })
                .ToListAsync(cancellationToken);
            // Only the columns a cell needs (each GUID stored as text is parsed on read): who, which activity, when.
            var column = activities.Select((a, i) => (a.Column.Id, i)).ToDictionary(x => x.Id, x => x.i);
            var completions = (await db.Completions.AsNoTracking()
                    .Where(c => c.CohortId == query.CohortId && (only == null || only.Contains(c.UserId)))
                    .Select(c => new { c.UserId, c.ActivityId, c.CompletedAt })
                    .ToListAsync(cancellationToken))
                .Where(c => column.ContainsKey(c.ActivityId))
                .ToLookup(c => c.UserId, c => (Index: column[c.ActivityId], At: c.CompletedAt.ToUnixTimeSeconds()));
            // Due dates as the learner's schedule computes them (GetSchedule): the cohort's shifts, in one statement.
            var shiftsOf = (await db.PacingShifts.AsNoTracking()
                    .Where(p => p.CohortId == query.CohortId && (only == null || only.Contains(p.UserId)))
                    .Select(p => new { p.UserId, p.ActivityId, p.Days })
                    .ToListAsync(cancellationToken))
                .ToLookup(p => p.UserId);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(access.TimeZone);
            var now = clock.GetUtcNow().ToUnixTimeSeconds();
            var names = learners.Count == 0 ? [] : (await sender.Send(new GetUsers(learners.Select(l => l.UserId).ToList()), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);

            long? DueOf(int i, int shift) => activities[i].DueOffsetDays is { } due
                ? CohortCourse.EndOfDay(access.StartsOn.AddDays(due + shift), zone).ToUnixTimeSeconds()
                : null;
            // Most learners have no shift: their due dates are the cohort's, computed once rather than per cell.
            var unshifted = Enumerable.Range(0, activities.Count).Select(i => DueOf(i, 0)).ToArray();

            var rows = learners
                .Select(l =>
                {
                    var done = completions[l.UserId].OrderBy(c => c.Index).ToList();
                    var doneAt = new long?[activities.Count];
                    foreach (var (index, at) in done)
                    {
                        doneAt[index] = at;
                    }

                    // Days by activity; Guid.Empty: the shifts of the whole course.
                    var shifts = shiftsOf[l.UserId].GroupBy(p => p.ActivityId ?? Guid.Empty).ToDictionary(g => g.Key, g => g.Sum(p => p.Days));
                    var forAll = shifts.GetValueOrDefault(Guid.Empty);
                    var late = new List<int>();
                    for (var i = 0; i < activities.Count; i++)
                    {
                        var shift = forAll + shifts.GetValueOrDefault(activities[i].Column.Id);
                        var due = shift == 0 ? unshifted[i] : DueOf(i, shift);
                        if (due < now && !(doneAt[i] <= due))
                        {
                            late.Add(i);
                        }
                    }

                    return new LearnerRow(l.UserId, names.GetValueOrDefault(l.UserId, ""), l.Withdrawn,
                        activities.Count == 0 ? 0 : (int)Math.Round(100.0 * done.Count / activities.Count), [.. done.Select(c => c.Index)], [.. done.Select(c => c.At)], late);
                })
                .OrderBy(r => r.Withdrawn).ThenBy(r => r.DisplayName, StringComparer.CurrentCulture)
                .ToList();
            return new Response(query.CohortId, [.. activities.Select(a => a.Column)], rows);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/progress", async (Guid cohortId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId), ct)))
            .WithName("GetCohortProgress")
            .WithSummary("Completion per learner and activity (trainers, org admins: everyone; mentor: their learners; learner: self)")
            .WithDescription("One column per activity (with its section and kind) and one row per learner with their completion percentage and the activities they completed, compactly: `done` holds their indexes in `activities` and `doneAt` when (Unix seconds, UTC), one per index; `late` the indexes of the activities whose due date for that learner (their pacing included) passed before they completed them, done since or not; withdrawn learners keep their row, marked and listed last. Trainers, org admins and the platform admin see every learner; a mentor sees the learners assigned to them; a learner sees their own row. Outside the cohort: 404. The number of SQL queries does not grow with the cohort.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.ProgressRead)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
