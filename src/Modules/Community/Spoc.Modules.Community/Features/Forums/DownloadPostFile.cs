using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>GET /posts/{postId}/files/{fileId}: a file attached to a post, to whoever may read it (not when the post is deleted, nor hidden from the caller).</summary>
internal static class DownloadPostFile
{
    public sealed record Query(Guid PostId, Guid FileId) : IQuery<OpenedFile>;

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, OpenedFile>
    {
        public async ValueTask<OpenedFile> Handle(Query query, CancellationToken cancellationToken)
        {
            var (post, _, viewer) = await db.ReadablePostAsync(sender, me.Id, query.PostId, cancellationToken);
            var shown = post.DeletedAt is null && (post.HiddenAt is null || viewer.IsStaff);
            return shown && post.Attachments.Any(a => a.FileId == query.FileId)
                ? await sender.Send(new OpenStoredFile(query.FileId), cancellationToken) ?? throw ProblemException.NotFound("This file")
                : throw ProblemException.NotFound("This file");
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/posts/{postId:guid}/files/{fileId:guid}", async (Guid postId, Guid fileId, ISender sender, CancellationToken ct) =>
            {
                var file = await sender.Send(new Query(postId, fileId), ct);
                return TypedResults.File(file.Content, file.Info.ContentType, file.Info.FileName);
            })
            .WithName("DownloadPostFile")
            .WithSummary("Download a file attached to a post (whoever may read the thread)")
            .WithDescription("Always as an attachment with `X-Content-Type-Options: nosniff` and `Content-Security-Policy: sandbox`. 404 for those who may not read the thread, for a file not attached to this post, and when the post is deleted or hidden from the caller.")
            .RequireAuthorization(Policies.SignedIn)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Problems(ProblemType.NotFound);
}
