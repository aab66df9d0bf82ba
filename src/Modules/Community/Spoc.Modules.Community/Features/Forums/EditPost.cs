using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>PATCH /posts/{postId}: its author rewrites a post; it shows as edited. Mentions are read again (nobody is told twice: no event).</summary>
internal static class EditPost
{
    /// <param name="Body">The new Markdown, at most 20,000 characters.</param>
    public sealed record Request([property: MultiLine] string Body);

    public sealed record Command(Guid PostId, string? IfMatch, string Body) : ICommand<ForumPostResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body).NotEmpty().MaximumLength(PostComposer.MaxBodyLength);
            RuleFor(c => c.IfMatch).MaximumLength(200);
        }
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, ForumPostResponse>
    {
        public async ValueTask<ForumPostResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var (post, thread, viewer) = await db.ReadablePostAsync(sender, me.Id, command.PostId, cancellationToken);
            if (post.AuthorId != me.Id)
            {
                throw ProblemException.Forbidden("Only its author edits a post; staff hide or delete it.");
            }

            if (post.DeletedAt is not null)
            {
                throw CommunityProblems.PostDeleted.Exception();
            }

            db.Expect(post, command.IfMatch);
            (post.BodyHtml, post.MentionedUserIds) = await sender.RenderAsync(
                thread.CohortId, thread.GroupId, thread.Audience.Select(a => a.GroupId).ToList(), me.Id, command.Body, cancellationToken);
            post.Body = command.Body;
            post.EditedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return ForumPostResponse.From(PostView.Of(post), thread.AnswerPostId, viewer, await sender.NamesAsync([me.Id], cancellationToken), null, []);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPatch("/posts/{postId:guid}", async (Guid postId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(postId, ifMatch, request.Body), ct)))
            .WithName("EditPost")
            .WithSummary("Rewrite one's own post (shown as edited)")
            .WithDescription("Its author only (403 for others who read the thread, staff included: they hide or delete); 404 for those who may not read the thread. Sets `editedAt`. A deleted post is 409 `post-deleted`. The answer's `reactions` and `replyToNumber` are not repeated: read the thread for them. Send its `ETag` (`version`) as `If-Match` to make the change conditional (stale: 412).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, ProblemType.PreconditionFailed, CommunityProblems.PostDeleted);
}
