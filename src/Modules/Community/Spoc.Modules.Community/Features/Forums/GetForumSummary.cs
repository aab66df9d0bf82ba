using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>GET /cohorts/{cohortId}/forum: what the caller has not read in the cohort's forums, their group's space, and what they may do.</summary>
internal static class GetForumSummary
{
    public sealed record Query(Guid CohortId) : IQuery<Response>;

    /// <param name="UnreadThreads">Threads the caller may read with posts by others they have not been shown.</param>
    /// <param name="UnreadPosts">Those posts, across all those threads.</param>
    /// <param name="GroupId">The caller's project group, whose space they read and write; null for staff and ungrouped learners.</param>
    /// <param name="GroupName">That group's name.</param>
    /// <param name="CanModerate">Staff: hide posts, lock and pin threads, post announcements.</param>
    public sealed record Response(int UnreadThreads, int UnreadPosts, Guid? GroupId, string? GroupName, bool CanModerate);

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var viewer = await sender.ViewerAsync(query.CohortId, me.Id, cancellationToken);
            var (staff, userId) = (viewer.IsStaff, me.Id);
            var unread = await db.ForumThreads.AsNoTracking().VisibleTo(viewer)
                .Select(t => db.ForumPosts.Count(p => p.ThreadId == t.Id && p.AuthorId != userId && p.DeletedAt == null && (staff || p.HiddenAt == null)
                    && p.Number > (db.ThreadReadMarkers.Where(m => m.ThreadId == t.Id && m.UserId == userId).Select(m => (int?)m.LastReadNumber).FirstOrDefault() ?? 0)))
                .Where(n => n > 0)
                .GroupBy(_ => 1).Select(g => new { Threads = g.Count(), Posts = g.Sum() })
                .FirstOrDefaultAsync(cancellationToken);
            var group = viewer.GroupId is null ? null : await sender.Send(new GetProjectGroupOf(query.CohortId, me.Id), cancellationToken);
            return new Response(unread?.Threads ?? 0, unread?.Posts ?? 0, group?.GroupId, group?.Name, staff);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/forum", async (Guid cohortId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId), ct)))
            .WithName("GetForumSummary")
            .WithSummary("The caller's unread counts in the cohort's forums, and their group's space")
            .WithDescription("Members of the cohort. Counts the posts by others, past the caller's read marker of each thread, in every thread they may read (hidden posts left out for learners). Outsiders 404; a partner's admin 403.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
