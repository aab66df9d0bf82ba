using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Courses.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Sessions;

/// <summary>GET /sessions/{sessionId}: one session; a learner also sees their own preparation checklist and attendance.</summary>
internal static class GetSession
{
    public sealed record Query(Guid SessionId) : IQuery<LiveSessionResponse>;

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me, TimeProvider clock, IOptions<LiveSessionOptions> options)
        : IQueryHandler<Query, LiveSessionResponse>
    {
        public async ValueTask<LiveSessionResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            var (session, viewer) = await db.ReadableSessionAsync(sender, me.Id, query.SessionId, cancellationToken);
            var learner = viewer.IsLearner && !viewer.Follows;
            var titles = await sender.PreparationTitlesAsync(
                viewer.Access.CourseId, session.Preparations.Select(p => p.ActivityId), cancellationToken, learner ? new LearnerInCohort(session.CohortId, me.Id) : null);
            var mine = learner
                ? await db.SessionAttendance.AsNoTracking().Where(a => a.SessionId == session.Id && a.UserId == me.Id)
                    .Select(a => (AttendanceStatus?)a.Status).FirstOrDefaultAsync(cancellationToken)
                : null;
            return session.ToResponse(viewer, options.Value, clock.GetUtcNow(), titles, mine);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/sessions/{sessionId:guid}", async (Guid sessionId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(sessionId), ct)))
            .WithName("GetSession")
            .WithSummary("One live session; for a learner, their preparation checklist and attendance")
            .WithDescription("Whoever may see it in its cohort's list (a group's session: that group's learners, the staff and mentors); anyone else 404. A learner gets `done` on each preparation, `ready` (all done) and `myAttendance`; the meeting link only from `joinOpensAt` to the end. The cohort's trainers and admins also get the current `checkInCode`. Its `ETag` is its `version`, for `If-Match` on PATCH.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound);
}
