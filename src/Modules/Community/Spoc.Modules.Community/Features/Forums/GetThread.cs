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

/// <summary>
/// GET /threads/{threadId}: a thread and one page of its posts, oldest first; reading a page moves the caller's read marker
/// to its last post. The same statements whatever the page size: the thread with the caller's marker, the access check, the
/// page (its total is the thread's post count: deleted posts stay as tombstones), its reactions, the authors' names, and
/// the marker's move only when the page goes past it.
/// </summary>
internal static class GetThread
{
    public sealed record Query(Guid ThreadId, PageRequest Paging) : IQuery<Response>;

    /// <param name="Posts">Oldest first; 20 a page by default, at most 100.</param>
    public sealed record Response(ForumThreadResponse Thread, PagedResult<ForumPostResponse> Posts);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var userId = me.Id;
            var found = await ThreadOf(db, query.ThreadId, userId, cancellationToken);
            var viewer = await sender.ReaderOfAsync(found?.Thread, userId, cancellationToken);
            var thread = found!.Thread;
            var (page, size) = (query.Paging.Page, query.Paging.PageSize);
            var items = await PageOf(db, thread.Id, (page - 1) * size, size).ToListAsync(cancellationToken);
            var reactions = (await ReactionsTo(db, [.. items.Select(i => i.Post.Id)], userId).ToListAsync(cancellationToken))
                .ToLookup(r => r.PostId, r => new ForumReactionResponse(r.Emoji, r.Count, r.Mine > 0));
            var names = await sender.NamesAsync(items.Select(i => i.Post.AuthorId).Append(thread.AuthorId), cancellationToken);
            if (items.Count > 0)
            {
                await db.MarkReadAsync(thread.Id, userId, found.ReadUpTo, items[^1].Post.Number, cancellationToken);
            }

            var posts = items.Select(i => ForumPostResponse.From(i.Post, thread.AnswerPostId, viewer, names, i.ReplyToNumber,
                reactions[i.Post.Id].OrderBy(r => Array.IndexOf(ReactToPost.Emojis, r.Emoji)).ToList())).ToList();
            return new Response(thread.ToResponse(viewer, names), new PagedResult<ForumPostResponse>(posts, page, size, thread.PostCount));
        }
    }

    // Every reader of a thread runs these: compiled once, as every hot read (docs/performance.md).
    private static readonly Func<CommunityDbContext, Guid, Guid, CancellationToken, Task<ThreadRow?>> ThreadOf =
        EF.CompileAsyncQuery((CommunityDbContext db, Guid threadId, Guid userId, CancellationToken ct) =>
            db.ForumThreads.AsNoTracking().Where(t => t.Id == threadId)
                .Select(t => new ThreadRow(
                    new ThreadView(t.Id, t.CohortId, t.GroupId, t.Title, t.AuthorId, t.CreatedAt, t.LastPostAt, t.PostCount, t.IsAnnouncement,
                        t.Audience.Select(a => a.GroupId).ToList(), t.IsPinned, t.IsLocked, t.AnswerPostId, t.AnsweredByStaff, t.Version),
                    db.ThreadReadMarkers.Where(m => m.ThreadId == t.Id && m.UserId == userId).Select(m => (int?)m.LastReadNumber).FirstOrDefault()))
                .FirstOrDefault());

    private static readonly Func<CommunityDbContext, Guid, int, int, IAsyncEnumerable<PostRow>> PageOf =
        EF.CompileAsyncQuery((CommunityDbContext db, Guid threadId, int skip, int take) =>
            db.ForumPosts.AsNoTracking().Where(p => p.ThreadId == threadId).OrderBy(p => p.Number).Skip(skip).Take(take)
                .Select(p => new PostRow(
                    new PostView(p.Id, p.ThreadId, p.Number, p.AuthorId, p.ByStaff, p.ReplyToPostId, p.Body, p.BodyHtml, p.MentionedUserIds, p.Attachments,
                        p.CreatedAt, p.EditedAt, p.DeletedAt, p.HiddenAt, p.HiddenReason, p.Version),
                    db.ForumPosts.Where(r => r.Id == p.ReplyToPostId).Select(r => (int?)r.Number).FirstOrDefault())));

    private static readonly Func<CommunityDbContext, Guid[], Guid, IAsyncEnumerable<ReactionRow>> ReactionsTo =
        EF.CompileAsyncQuery((CommunityDbContext db, Guid[] postIds, Guid userId) =>
            db.PostReactions.AsNoTracking().Where(r => postIds.Contains(r.PostId))
                .GroupBy(r => new { r.PostId, r.Emoji })
                .Select(g => new ReactionRow(g.Key.PostId, g.Key.Emoji, g.Count(), g.Count(r => r.UserId == userId))));

    private sealed record ThreadRow(ThreadView Thread, int? ReadUpTo);

    private sealed record PostRow(PostView Post, int? ReplyToNumber);

    private sealed record ReactionRow(Guid PostId, string Emoji, int Count, int Mine);

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/threads/{threadId:guid}", async (Guid threadId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(threadId, paging), ct)))
            .WithName("GetThread")
            .WithSummary("A thread and a page of its posts, oldest first (marks them read)")
            .WithDescription("Whoever may read the thread (see ListThreads); 404 for anyone else, a group's space included. Each post has its Markdown (`body`) and sanitised HTML (`bodyHtml`), the number of the post it replies to, its reactions, `editedAt`, and whether it is the answer. A deleted post stays as a tombstone (`isDeleted`, no text); a hidden one keeps its text for staff only (`isHidden`, `hiddenReason`). The caller's read marker moves to the page's last post. Paged (20 by default, at most 100).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound);
}
