using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Sessions;

/// <summary>
/// GET /sessions/{sessionId}/readiness: the flipped classroom's roster, each learner the session is for × each preparation,
/// done or not, from Courses' completions. A constant number of queries whatever the number of learners.
/// </summary>
internal static class GetReadiness
{
    /// <param name="Done">The preparations this learner completed.</param>
    /// <param name="Ready">Every preparation done.</param>
    public sealed record Row(Guid UserId, string DisplayName, IReadOnlyList<Guid> Done, bool Ready);

    /// <param name="ReadyCount">Learners ready, over all pages.</param>
    public sealed record Response(Guid SessionId, IReadOnlyList<SessionPreparationResponse> Preparations, int ReadyCount, IReadOnlyList<Row> Items, int Page, int PageSize, int TotalCount);

    public sealed record Query(Guid SessionId, PageRequest Paging) : IQuery<Response>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var (session, viewer) = await db.ReadableSessionAsync(sender, me.Id, query.SessionId, cancellationToken);
            if (!viewer.Follows)
            {
                throw ProblemException.Forbidden("The readiness roster is for the cohort's staff and mentors; a learner sees their own checklist on the session.");
            }

            var learners = viewer.Followed((await sender.Send(new GetCohortPeople(session.CohortId), cancellationToken)).LearnersOf(session)).ToList();
            var activities = session.Preparations.OrderBy(p => p.Position).Select(p => p.ActivityId).ToList();
            var titles = await sender.PreparationTitlesAsync(viewer.Access.CourseId, activities, cancellationToken);
            var done = (activities.Count == 0 || learners.Count == 0 ? [] : await sender.Send(new GetCompletions(session.CohortId, activities), cancellationToken))
                .ToLookup(c => c.UserId, c => c.ActivityId);
            var names = learners.Count == 0 ? [] : (await sender.Send(new GetUsers(learners), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
            var rows = learners
                .Select(id => (Id: id, Done: activities.Where(a => done[id].Contains(a)).ToList()))
                .Select(x => new Row(x.Id, names.GetValueOrDefault(x.Id, ""), x.Done, x.Done.Count == activities.Count))
                .OrderBy(r => r.Ready).ThenBy(r => r.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.UserId)
                .ToList();
            var preparations = session.Preparations.OrderBy(p => p.Position).Where(p => titles.ContainsKey(p.ActivityId))
                .Select(p => new SessionPreparationResponse(p.ActivityId, titles[p.ActivityId].Title, titles[p.ActivityId].Kind, null)).ToList();
            var (page, size) = (query.Paging.Page, query.Paging.PageSize);
            return new Response(session.Id, preparations, rows.Count(r => r.Ready), rows.Skip((page - 1) * size).Take(size).ToList(), page, size, rows.Count);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/sessions/{sessionId:guid}/readiness", async (Guid sessionId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(sessionId, paging), ct)))
            .WithName("GetSessionReadiness")
            .WithSummary("Who completed the session's preparation: each learner × each preparation, ready or not")
            .WithDescription("The cohort's trainers and admins see every learner the session is for (its group's, or the cohort's); a mentor only their own learners; a learner who sees the session 403 (their own checklist is on GET /sessions/{sessionId}); others 404. Learners not ready first, then by name; `ready` means every preparation done (a session without preparation: everyone). Paged; `readyCount` counts over all pages. A constant number of queries, whatever the number of learners.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
