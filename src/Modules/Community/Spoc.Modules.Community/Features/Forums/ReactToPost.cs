using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>
/// POST /posts/{postId}/reactions/{emoji} adds the caller's reaction, DELETE takes it back. One row per (post, person,
/// emoji) and counts read from the rows: parallel reactions never lose one, and reacting twice counts once.
/// </summary>
internal static class ReactToPost
{
    /// <summary>The fixed set, in the order they are shown.</summary>
    public static readonly string[] Emojis = ["thumbsup", "heart", "tada", "laugh", "thinking", "eyes"];

    public sealed record Command(Guid PostId, string Emoji, bool Add) : ICommand;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Emoji).MaximumLength(20).Must(Emojis.Contains).WithMessage($"One of: {string.Join(", ", Emojis)}.");
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var (post, _, _) = await db.ReadablePostAsync(sender, me.Id, command.PostId, cancellationToken);
            if (post.DeletedAt is not null)
            {
                throw CommunityProblems.PostDeleted.Exception();
            }

            var mine = db.PostReactions.Where(r => r.PostId == post.Id && r.UserId == me.Id && r.Emoji == command.Emoji);
            if (!command.Add)
            {
                await mine.ExecuteDeleteAsync(cancellationToken);
            }
            else if (!await mine.AnyAsync(cancellationToken))
            {
                db.PostReactions.Add(new PostReaction { PostId = post.Id, UserId = me.Id, Emoji = command.Emoji });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException e) when (e.IsUniqueViolation())
                {
                    // The same person's parallel request added it first: it is there, as asked.
                }
            }

            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapPost("/posts/{postId:guid}/reactions/{emoji}", async (Guid postId, string emoji, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(postId, emoji, Add: true), ct);
                return TypedResults.NoContent();
            })
            .WithName("AddReaction")
            .WithSummary("React to a post with one of a fixed set of emojis")
            .WithDescription("Whoever may read the thread (404 for anyone else). `emoji` is one of `thumbsup`, `heart`, `tada`, `laugh`, `thinking`, `eyes` (400 otherwise). Reacting twice counts once. A deleted post is 409 `post-deleted`.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound, CommunityProblems.PostDeleted);
        api.MapDelete("/posts/{postId:guid}/reactions/{emoji}", async (Guid postId, string emoji, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(postId, emoji, Add: false), ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveReaction")
            .WithSummary("Take back one's reaction to a post")
            .WithDescription("Whoever may read the thread (404 for anyone else). Taking back a reaction one has not made answers the same. A deleted post is 409 `post-deleted`.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound, CommunityProblems.PostDeleted);
    }
}
