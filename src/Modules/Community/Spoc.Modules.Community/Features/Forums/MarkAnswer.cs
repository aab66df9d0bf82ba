using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>
/// PUT /threads/{threadId}/answer: the thread's author or staff mark the post that resolves it (null: none); the thread
/// then reads "resolved", and "answered by staff" when staff wrote that post.
/// </summary>
internal static class MarkAnswer
{
    /// <param name="PostId">A reply of this thread; null to clear the mark.</param>
    public sealed record Request(Guid? PostId);

    public sealed record Command(Guid ThreadId, string? IfMatch, Guid? PostId) : ICommand<ForumThreadResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.IfMatch).MaximumLength(200);
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me) : ICommandHandler<Command, ForumThreadResponse>
    {
        public async ValueTask<ForumThreadResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var (thread, viewer) = await db.ReadableThreadAsync(sender, me.Id, command.ThreadId, cancellationToken, tracking: true);
            if (!viewer.IsStaff && thread.AuthorId != me.Id)
            {
                throw ProblemException.Forbidden("Only the thread's author or the cohort's staff mark its answer.");
            }

            db.Expect(thread, command.IfMatch);
            var answer = command.PostId is { } postId
                ? await db.ForumPosts.AsNoTracking().Where(p => p.Id == postId && p.ThreadId == thread.Id && p.Number > 1 && p.DeletedAt == null)
                    .Select(p => new { p.Id, p.ByStaff }).FirstOrDefaultAsync(cancellationToken)
                    ?? throw Rules.Invalid("PostId", "Mark a reply of this thread that is not deleted.")
                : null;
            (thread.AnswerPostId, thread.AnsweredByStaff) = (answer?.Id, answer?.ByStaff ?? false);
            await db.SaveChangesAsync(cancellationToken);
            return thread.ToResponse(viewer, await sender.NamesAsync([thread.AuthorId], cancellationToken));
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/threads/{threadId:guid}/answer", async (Guid threadId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(threadId, ifMatch, request.PostId), ct)))
            .WithName("MarkAnswer")
            .WithSummary("Mark the reply that answers a thread (its author; staff)")
            .WithDescription("The thread's author or the cohort's staff (403 for other readers; 404 for those who may not read the thread). `postId` is a reply of this thread, not deleted (400 otherwise); null clears the mark. `answeredByStaff` tells whether staff wrote it. Send its `ETag` (`version`) as `If-Match` to make the change conditional (stale: 412).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, ProblemType.PreconditionFailed);
}
