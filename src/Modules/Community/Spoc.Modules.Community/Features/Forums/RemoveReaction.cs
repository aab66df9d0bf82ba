using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>DELETE /posts/{postId}/reactions/{emoji}: the caller takes their reaction back (the same command as <see cref="ReactToPost"/>).</summary>
internal static class RemoveReaction
{
    public static void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapDelete("/posts/{postId:guid}/reactions/{emoji}", async (Guid postId, string emoji, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new ReactToPost.Command(postId, emoji, Add: false), ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveReaction")
            .WithSummary("Take back one's reaction to a post")
            .WithDescription("Whoever may read the thread (404 for anyone else). Taking back a reaction one has not made answers the same. A deleted post is 409 `post-deleted`.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound, CommunityProblems.PostDeleted);
    }
}
