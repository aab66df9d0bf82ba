using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>DELETE /posts/{postId}/hidden: staff show a hidden post again (the same command as <see cref="HidePost"/>, undone).</summary>
internal static class UnhidePost
{
    public static void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapDelete("/posts/{postId:guid}/hidden", async (Guid postId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new HidePost.Command(postId, false, null), ct);
                return TypedResults.NoContent();
            })
            .WithName("UnhidePost")
            .WithSummary("Show a hidden post again (staff)")
            .WithDescription("The cohort's staff (403 for other readers; 404 for those who may not read the thread). A deleted post is 409 `post-deleted`.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CommunityProblems.PostDeleted);
    }
}
