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
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Courses.Features.Progress;

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

            var target = await TargetOf(db, command.CohortId, access.CourseId, command.ActivityId, me.Id, cancellationToken)
                ?? throw ProblemException.NotFound("This activity");
            var now = clock.GetUtcNow();
            if (access.ReleaseAt(target.OffsetDays) > now)
            {
                throw CourseProblems.ActivityNotReleased.Exception();
            }

            if (target.CompletedAt is { } completedAt)
            {
                return new Response(command.ActivityId, completedAt);
            }

            db.Completions.Add(new Completion { CohortId = command.CohortId, UserId = me.Id, ActivityId = command.ActivityId, CompletedAt = now });
            db.AddIntegrationEvent(new ActivityCompleted(command.CohortId, me.Id, command.ActivityId, now), now);
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

    // The activity, if it is in the cohort's published course, and the learner's completion of it: one statement, compiled once.
    private static readonly Func<CoursesDbContext, Guid, Guid, Guid, Guid, CancellationToken, Task<Target?>> TargetOf =
        EF.CompileAsyncQuery((CoursesDbContext db, Guid cohortId, Guid courseId, Guid activityId, Guid userId, CancellationToken ct) =>
            db.Set<Activity>().AsNoTracking()
                .Where(a => a.Id == activityId && a.CourseId == courseId && db.Courses.Any(c => c.Id == courseId && c.IsPublished))
                .Select(a => new Target(a.OffsetDays, db.Completions
                    .Where(c => c.CohortId == cohortId && c.UserId == userId && c.ActivityId == activityId)
                    .Select(c => (DateTimeOffset?)c.CompletedAt).FirstOrDefault()))
                .FirstOrDefault());

    private sealed record Target(int OffsetDays, DateTimeOffset? CompletedAt);

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/activities/{activityId:guid}/completion", async (Guid cohortId, Guid activityId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(cohortId, activityId), ct)))
            .WithName("MarkActivityDone")
            .WithSummary("Mark an activity done (learner); idempotent")
            .WithDescription("Requires `Learn`: only the cohort's learners (403 for its staff, 404 for outsiders or an activity not in its published course). 409 activity-not-released before the activity opens. Idempotent: marking it again returns the first `completedAt`.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CourseProblems.ActivityNotReleased);
}
