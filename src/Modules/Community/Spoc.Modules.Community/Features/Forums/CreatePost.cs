using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>POST /threads/{threadId}/posts: a reply in a thread the caller may read, unless it is locked (or an announcement, for a learner).</summary>
internal static class CreatePost
{
    /// <param name="Body">Markdown, at most 20,000 characters; <c>@Display Name</c> mentions a member who can read the thread.</param>
    /// <param name="ReplyToPostId">The post of the same thread this one answers.</param>
    /// <param name="FileIds">Up to 5 files the caller uploaded with POST /files.</param>
    public sealed record Request([property: MultiLine] string Body, Guid? ReplyToPostId, IReadOnlyList<Guid>? FileIds);

    public sealed record Command(Guid ThreadId, string Body, Guid? ReplyToPostId, IReadOnlyList<Guid>? FileIds) : ICommand<ForumPostResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body).NotEmpty().MaximumLength(PostComposer.MaxBodyLength);
            RuleFor(c => c.FileIds).MaxItems(PostComposer.MaxAttachments);
        }
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, ForumPostResponse>
    {
        public async ValueTask<ForumPostResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var (thread, viewer) = await db.ReadableThreadAsync(sender, me.Id, command.ThreadId, cancellationToken);
            if (!viewer.CanReplyTo(ThreadView.Of(thread)))
            {
                throw ProblemException.Forbidden("Learners read announcements; they do not reply to them.");
            }

            if (thread.IsLocked)
            {
                throw CommunityProblems.ThreadLocked.Exception();
            }

            var replyTo = command.ReplyToPostId is { } replyToId
                ? await db.ForumPosts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == replyToId && p.ThreadId == thread.Id, cancellationToken)
                    ?? throw Rules.Invalid("ReplyToPostId", "Reply to a post of the same thread.")
                : null;
            var rendered = await sender.RenderAsync(thread.CohortId, thread.GroupId, thread.Audience.Select(a => a.GroupId).ToList(), me.Id, command.Body, cancellationToken);
            var attachments = await sender.AttachmentsAsync(me.Id, command.FileIds, cancellationToken);
            var now = clock.GetUtcNow();

            // The number comes from an increment in SQL, in the transaction that adds the post: two replies never share one,
            // and a thread locked meanwhile takes none.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.ForumThreads.Where(t => t.Id == thread.Id && !t.IsLocked)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.PostCount, t => t.PostCount + 1).SetProperty(t => t.LastPostAt, now), cancellationToken) == 0)
            {
                throw CommunityProblems.ThreadLocked.Exception();
            }

            var number = await db.ForumThreads.Where(t => t.Id == thread.Id).Select(t => t.PostCount).SingleAsync(cancellationToken);
            var post = db.Publish(thread, (me.Id, viewer.IsStaff), number, command.Body, rendered, attachments, replyTo, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return ForumPostResponse.From(PostView.Of(post), thread.AnswerPostId, viewer, await sender.NamesAsync([me.Id], cancellationToken), replyTo?.Number, []);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/threads/{threadId:guid}/posts", async (Guid threadId, Request request, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new Command(threadId, request.Body, request.ReplyToPostId, request.FileIds), ct);
                return TypedResults.Created($"/api/v1/threads/{threadId}?page={((created.Number - 1) / 20) + 1}", created);
            })
            .WithName("CreatePost")
            .WithSummary("Reply in a thread")
            .WithDescription("Whoever may read the thread (404 for anyone else). Learners do not reply to announcements (403). A locked thread takes no post: 409 `thread-locked`. `replyToPostId` names a post of the same thread (400 otherwise). The body is Markdown, rendered and sanitised; `@Display Name` mentions a member who can read the thread, who is told, like the author of the post replied to (or of the thread). `fileIds` attach the caller's own uploads.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CommunityProblems.ThreadLocked);
}
