using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>DELETE /posts/{postId}: its author, or staff, deletes a post; its text goes, a tombstone keeps its place (docs/adr/0023).</summary>
internal static class DeletePost
{
    public sealed record Command(Guid PostId) : ICommand;

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var (post, thread, viewer) = await db.ReadablePostAsync(sender, me.Id, command.PostId, cancellationToken);
            if (post.AuthorId != me.Id && !viewer.IsStaff)
            {
                throw ProblemException.Forbidden("Only its author or the cohort's staff delete a post.");
            }

            if (post.DeletedAt is null)
            {
                post.Delete(clock.GetUtcNow());
                if (thread.AnswerPostId == post.Id)
                {
                    (thread.AnswerPostId, thread.AnsweredByStaff) = (null, false);
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapDelete("/posts/{postId:guid}", async (Guid postId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(postId), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeletePost")
            .WithSummary("Delete a post (its author; staff): a tombstone stays in its place")
            .WithDescription("Its author or the cohort's staff (403 for other readers; 404 for those who may not read the thread). The text, mentions and attachments go; the post stays in the thread as `isDeleted` so that replies keep their context. Deleting again answers the same. An answer deleted is no longer the answer.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
