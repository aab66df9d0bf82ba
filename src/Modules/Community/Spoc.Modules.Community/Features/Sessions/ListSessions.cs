using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Sessions;

/// <summary>
/// GET /cohorts/{cohortId}/sessions: the sessions the caller may see (a learner: the cohort's and their group's), cancelled
/// ones included, by start; <c>from</c>/<c>to</c> keep a period; a learner also gets their checklist and attendance on each.
/// A constant number of queries.
/// </summary>
internal static class ListSessions
{
    public sealed record Query(Guid CohortId, DateTimeOffset? From, DateTimeOffset? To, PageRequest Paging) : IQuery<PagedResult<LiveSessionResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
            RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("`to` comes after `from`.");
        }
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me, TimeProvider clock, IOptions<LiveSessionOptions> options)
        : IQueryHandler<Query, PagedResult<LiveSessionResponse>>
    {
        public async ValueTask<PagedResult<LiveSessionResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var viewer = await sender.SessionViewerAsync(query.CohortId, me.Id, cancellationToken);
            var sessions = db.LiveSessions.AsNoTracking().VisibleTo(viewer);
            if (query.From is { } from)
            {
                sessions = sessions.Where(s => s.EndsAt > from);
            }

            if (query.To is { } to)
            {
                sessions = sessions.Where(s => s.StartsAt < to);
            }

            // Only an end given: the past, latest first; otherwise what comes next, soonest first.
            var ordered = query.To is not null && query.From is null
                ? sessions.OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.Id)
                : sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.Id);
            var page = await ordered.Select(SessionResponses.Row).ToPageAsync(query.Paging, cancellationToken);
            var learner = viewer.IsLearner && !viewer.Follows;
            // A learner's own checklist and attendance on every session of the page: in one query each, not one per session.
            var titles = await sender.PreparationTitlesAsync(
                viewer.Access.CourseId, page.Items.SelectMany(s => s.Preparations), cancellationToken, learner ? new LearnerInCohort(query.CohortId, me.Id) : null);
            var mine = learner
                ? await AttendanceOf(db, me.Id, [.. page.Items.Select(s => s.Id)]).ToDictionaryAsync(a => a.SessionId, a => a.Status, cancellationToken: cancellationToken)
                : [];
            var now = clock.GetUtcNow();
            return new PagedResult<LiveSessionResponse>(
                page.Items.Select(s => s.ToResponse(viewer, options.Value, now, titles, mine.TryGetValue(s.Id, out var status) ? status : null)).ToList(),
                page.Page, page.PageSize, page.TotalCount);
        }
    }

    /// <summary>A learner's attendance on a page of sessions, two columns a row: compiled once, as every hot read (docs/performance.md).</summary>
    private static readonly Func<CommunityDbContext, Guid, Guid[], IAsyncEnumerable<Attended>> AttendanceOf =
        EF.CompileAsyncQuery((CommunityDbContext db, Guid userId, Guid[] sessionIds) =>
            db.SessionAttendance.AsNoTracking().Where(a => a.UserId == userId && sessionIds.Contains(a.SessionId)).Select(a => new Attended(a.SessionId, a.Status)));

    private sealed record Attended(Guid SessionId, AttendanceStatus Status);

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/sessions", async (Guid cohortId, DateTimeOffset? from, DateTimeOffset? to, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, from, to, paging), ct)))
            .WithName("ListSessions")
            .WithSummary("The cohort's live sessions the caller may see, by start")
            .WithDescription("Members of the cohort: staff and mentors see every session, a learner the cohort's and their own group's. `from` keeps the sessions not ended by then, `to` those starting before then; with `to` alone (the past) the latest come first, otherwise the soonest. Cancelled occurrences stay listed with `cancelledAt`. A learner gets, on each, their own `done` per preparation, `ready` and `myAttendance`, and the meeting link only from `joinOpensAt` to the end. Paged. Outsiders 404; a partner's admin 403.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.CohortsRead)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
