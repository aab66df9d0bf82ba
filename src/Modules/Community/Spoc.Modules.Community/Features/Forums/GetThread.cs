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
/// to its last post. A constant number of queries whatever the page size.
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
            var (thread, viewer) = await db.ReadableThreadAsync(sender, me.Id, query.ThreadId, cancellationToken);
            var page = await db.ForumPosts.AsNoTracking().Where(p => p.ThreadId == thread.Id).OrderBy(p => p.Number)
                .Select(p => new { Post = p, ReplyToNumber = db.ForumPosts.Where(r => r.Id == p.ReplyToPostId).Select(r => (int?)r.Number).FirstOrDefault() })
                .ToPageAsync(query.Paging, cancellationToken);
            var ids = page.Items.Select(i => i.Post.Id).ToList();
            var userId = me.Id;
            var reactions = (await db.PostReactions.AsNoTracking().Where(r => ids.Contains(r.PostId))
                    .GroupBy(r => new { r.PostId, r.Emoji })
                    .Select(g => new { g.Key.PostId, g.Key.Emoji, Count = g.Count(), Mine = g.Count(r => r.UserId == userId) })
                    .ToListAsync(cancellationToken))
                .ToLookup(r => r.PostId, r => new ForumReactionResponse(r.Emoji, r.Count, r.Mine > 0));
            var names = await sender.NamesAsync(page.Items.Select(i => i.Post.AuthorId).Append(thread.AuthorId), cancellationToken);
            if (page.Items.Count > 0)
            {
                await db.MarkReadAsync(thread.Id, me.Id, page.Items[^1].Post.Number, cancellationToken);
            }

            var posts = page.Items.Select(i => ForumPostResponse.From(i.Post, thread, viewer, names, i.ReplyToNumber,
                reactions[i.Post.Id].OrderBy(r => Array.IndexOf(ReactToPost.Emojis, r.Emoji)).ToList())).ToList();
            return new Response(thread.ToResponse(viewer, names), new PagedResult<ForumPostResponse>(posts, page.Page, page.PageSize, page.TotalCount));
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/threads/{threadId:guid}", async (Guid threadId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(threadId, paging), ct)))
            .WithName("GetThread")
            .WithSummary("A thread and a page of its posts, oldest first (marks them read)")
            .WithDescription("Whoever may read the thread (see ListThreads); 404 for anyone else, a group's space included. Each post has its Markdown (`body`) and sanitised HTML (`bodyHtml`), the number of the post it replies to, its reactions, `editedAt`, and whether it is the answer. A deleted post stays as a tombstone (`isDeleted`, no text); a hidden one keeps its text for staff only (`isHidden`, `hiddenReason`). The caller's read marker moves to the page's last post. Paged (20 by default, at most 100).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound);
}
