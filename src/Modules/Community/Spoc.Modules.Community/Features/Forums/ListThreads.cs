using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>Which threads a forum list shows: all the caller may read, or one space of them.</summary>
public enum ForumSpace
{
    /// <summary>The cohort's forum (discussions open to every member), announcements left out.</summary>
    Cohort,

    /// <summary>Project groups' spaces: the caller's own, for a learner; every group's, for staff.</summary>
    Group,

    /// <summary>Staff announcements.</summary>
    Announcements,
}

/// <summary>
/// GET /cohorts/{cohortId}/threads: the threads the caller may read, pinned first then by latest activity, each with its
/// counts, last post and what the caller has not read; <c>q</c> searches titles and posts. The same statements whatever the
/// page size: the access check, the page with its total, the names.
/// </summary>
internal static class ListThreads
{
    public sealed record Query(Guid CohortId, string? Q, ForumSpace? Space, PageRequest Paging) : IQuery<PagedResult<ForumThreadSummaryResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
            RuleFor(q => q.Q).MaximumLength(200);
        }
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, PagedResult<ForumThreadSummaryResponse>>
    {
        public async ValueTask<PagedResult<ForumThreadSummaryResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var viewer = await sender.ViewerAsync(query.CohortId, me.Id, cancellationToken);
            var (staff, userId) = (viewer.IsStaff, me.Id);
            var threads = db.ForumThreads.AsNoTracking().VisibleTo(viewer);
            threads = query.Space switch
            {
                ForumSpace.Cohort => threads.Where(t => t.GroupId == null && !t.IsAnnouncement),
                ForumSpace.Group => threads.Where(t => t.GroupId != null),
                ForumSpace.Announcements => threads.Where(t => t.IsAnnouncement),
                _ => threads,
            };
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var like = "%" + query.Q.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
                var matching = ForumSearch.MatchingPostIds(db, query.Q);
                var hits = db.ForumPosts.Where(p => matching.Contains(p.Id) && p.DeletedAt == null && (staff || p.HiddenAt == null)).Select(p => p.ThreadId);
                threads = threads.Where(t => EF.Functions.Like(t.Title, like, "\\") || hits.Contains(t.Id));
            }

            var posts = db.ForumPosts.Where(p => p.DeletedAt == null && (staff || p.HiddenAt == null));
            // The total comes in the page's statement (an uncorrelated subquery, which the database evaluates once); a
            // separate count only for a page past the end, which has no row to carry it.
            var (number, size) = (query.Paging.Page, query.Paging.PageSize);
            var rows = await threads
                .OrderByDescending(t => t.IsPinned).ThenByDescending(t => t.LastPostAt).ThenByDescending(t => t.Id)
                .Skip((number - 1) * size).Take(size)
                .Select(t => new
                {
                    Thread = t,
                    Audience = t.Audience.Select(a => a.GroupId).ToList(),
                    Replies = posts.Count(p => p.ThreadId == t.Id && p.Number > 1),
                    LastAuthorId = db.ForumPosts.Where(p => p.ThreadId == t.Id).OrderByDescending(p => p.Number).Select(p => (Guid?)p.AuthorId).FirstOrDefault(),
                    Unread = posts.Count(p => p.ThreadId == t.Id && p.AuthorId != userId
                        && p.Number > (db.ThreadReadMarkers.Where(m => m.ThreadId == t.Id && m.UserId == userId).Select(m => (int?)m.LastReadNumber).FirstOrDefault() ?? 0)),
                    Total = threads.Count(),
                })
                .ToListAsync(cancellationToken);
            var total = rows.Count > 0 ? rows[0].Total : number == 1 ? 0 : await threads.CountAsync(cancellationToken);
            var names = await sender.NamesAsync(rows.SelectMany(i => new[] { i.Thread.AuthorId, i.LastAuthorId ?? i.Thread.AuthorId }), cancellationToken);
            return new PagedResult<ForumThreadSummaryResponse>(rows.Select(i => new ForumThreadSummaryResponse(
                i.Thread.Id, i.Thread.CohortId, i.Thread.GroupId, i.Thread.Title, i.Thread.AuthorId, names.GetValueOrDefault(i.Thread.AuthorId, ""), i.Thread.CreatedAt,
                i.Thread.LastPostAt, i.LastAuthorId, i.LastAuthorId is { } last ? names.GetValueOrDefault(last) : null, i.Replies, i.Unread,
                i.Thread.IsAnnouncement, i.Audience, i.Thread.IsPinned, i.Thread.IsLocked, i.Thread.AnswerPostId is not null, i.Thread.AnsweredByStaff)).ToList(),
                number, size, total);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/threads", async (Guid cohortId, string? q, ForumSpace? space, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, q, space, paging), ct)))
            .WithName("ListThreads")
            .WithSummary("The cohort's threads the caller may read: pinned first, then by latest activity, with unread counts")
            .WithDescription("Members of the cohort. A learner reads the cohort's forum, the announcements to the whole cohort or to their group, and their own group's space; staff read every space. `space` keeps one of them (`Cohort`, `Group`, `Announcements`). `q` keeps the threads whose title holds it or with a post holding all its words (as prefixes, accents ignored), hidden posts left out for learners. Each thread has its reply count, last post's author, unread count (posts by others after the caller's read marker) and flags. Paged. Outsiders 404; a partner's admin 403.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
