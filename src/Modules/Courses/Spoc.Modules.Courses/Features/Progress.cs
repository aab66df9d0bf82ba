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
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Courses.Features;

/// <summary>POST /cohorts/{cohortId}/activities/{activityId}/completion: a learner marks a released activity done; again is a no-op.</summary>
internal static class MarkActivityDone
{
    public sealed record Command(Guid CohortId, Guid ActivityId) : ICommand<Response>;

    public sealed record Response(Guid ActivityId, DateTimeOffset CompletedAt);

    internal sealed class Handler(CoursesDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var access = await sender.RequireInsideAsync(command.CohortId, me.Id, cancellationToken);
            if (!access.Can(CohortCapability.Learn))
            {
                throw ProblemException.Forbidden("Only the cohort's learners mark activities done.");
            }

            var activity = await db.Set<Activity>().AsNoTracking()
                .Where(a => a.Id == command.ActivityId && a.CourseId == access.CourseId && db.Courses.Any(c => c.Id == a.CourseId && c.IsPublished))
                .Select(a => new { a.OffsetDays })
                .FirstOrDefaultAsync(cancellationToken) ?? throw ProblemException.NotFound("This activity");
            var now = clock.GetUtcNow();
            if (access.ReleaseAt(activity.OffsetDays) > now)
            {
                throw ProblemException.Conflict("activity-not-released", "Not released yet", "This activity opens later in the cohort's calendar.");
            }

            var existing = await db.Completions.AsNoTracking()
                .FirstOrDefaultAsync(c => c.CohortId == command.CohortId && c.UserId == me.Id && c.ActivityId == command.ActivityId, cancellationToken);
            if (existing is not null)
            {
                return new Response(existing.ActivityId, existing.CompletedAt);
            }

            db.Completions.Add(new Completion { CohortId = command.CohortId, UserId = me.Id, ActivityId = command.ActivityId, CompletedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // The same click twice at once: the first one won, and that is the answer.
                db.ChangeTracker.Clear();
                var first = await db.Completions.AsNoTracking().FirstAsync(c => c.CohortId == command.CohortId && c.UserId == me.Id && c.ActivityId == command.ActivityId, cancellationToken);
                return new Response(first.ActivityId, first.CompletedAt);
            }

            return new Response(command.ActivityId, now);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/activities/{activityId:guid}/completion", async (Guid cohortId, Guid activityId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(cohortId, activityId), ct)))
            .WithName("MarkActivityDone")
            .WithSummary("Mark an activity done (learner); idempotent")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

/// <summary>
/// GET /cohorts/{cohortId}/progress: trainers and org admins get the learners × activities matrix with completion
/// percentages, a mentor the rows of their own learners, a learner their own row. A fixed number of queries whatever the
/// number of learners and activities.
/// </summary>
internal static class GetProgress
{
    public sealed record Query(Guid CohortId) : IQuery<Response>;

    public sealed record ActivityColumn(Guid Id, Guid SectionId, string SectionTitle, string Title, ActivityKind Kind);

    public sealed record Done(Guid ActivityId, DateTimeOffset CompletedAt);

    public sealed record LearnerRow(Guid UserId, string DisplayName, bool Withdrawn, int CompletionPercent, IReadOnlyList<Done> Completed);

    public sealed record Response(Guid CohortId, IReadOnlyList<ActivityColumn> Activities, IReadOnlyList<LearnerRow> Learners);

    internal sealed class Handler(CoursesDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, Response>
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
                .Select(x => new ActivityColumn(x.a.Id, x.a.SectionId, x.Title, x.a.Title, x.a.Kind))
                .ToListAsync(cancellationToken);
            var learners = await db.CohortLearners.AsNoTracking()
                .Where(l => l.CohortId == query.CohortId && (only == null || only.Contains(l.UserId)))
                .ToListAsync(cancellationToken);
            var completions = (await db.Completions.AsNoTracking()
                    .Where(c => c.CohortId == query.CohortId && (only == null || only.Contains(c.UserId)))
                    .ToListAsync(cancellationToken))
                .ToLookup(c => c.UserId);
            var names = learners.Count == 0 ? [] : (await sender.Send(new GetUsers(learners.Select(l => l.UserId).ToList()), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
            var activityIds = activities.Select(a => a.Id).ToHashSet();

            var rows = learners
                .Select(l =>
                {
                    var done = completions[l.UserId].Where(c => activityIds.Contains(c.ActivityId)).OrderBy(c => c.CompletedAt).Select(c => new Done(c.ActivityId, c.CompletedAt)).ToList();
                    return new LearnerRow(l.UserId, names.GetValueOrDefault(l.UserId, ""), l.WithdrawnAt is not null,
                        activities.Count == 0 ? 0 : (int)Math.Round(100.0 * done.Count / activities.Count), done);
                })
                .OrderBy(r => r.Withdrawn).ThenBy(r => r.DisplayName, StringComparer.CurrentCulture)
                .ToList();
            return new Response(query.CohortId, activities, rows);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/progress", async (Guid cohortId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId), ct)))
            .WithName("GetCohortProgress")
            .WithSummary("Completion per learner and activity (trainers, org admins: everyone; mentor: their learners; learner: self)")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
