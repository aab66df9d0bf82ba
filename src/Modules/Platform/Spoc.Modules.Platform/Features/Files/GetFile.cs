using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Files;

/// <summary>
/// GET /files/{fileId}: what <see cref="UploadFile"/> answered, to the uploader only (the <c>Location</c> of the upload).
/// A file becomes visible to others through what it is attached to (an activity's download), never here: to anyone
/// else it does not exist.
/// </summary>
internal static class GetFile
{
    public sealed record Query(Guid FileId) : IQuery<UploadFile.Response>;

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me) : IQueryHandler<Query, UploadFile.Response>
    {
        public async ValueTask<UploadFile.Response> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Files.AsNoTracking()
                .Where(f => f.Id == query.FileId && f.OwnerId == me.Id)
                .Select(f => new UploadFile.Response(f.Id, f.FileName, f.ContentType, f.Size))
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw ProblemException.NotFound("This file");
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/files/{fileId:guid}", async (Guid fileId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new Query(fileId), ct)))
            .WithName("GetFile")
            .WithSummary("An uploaded file's name, type and size (its uploader only)")
            .WithDescription("Only the uploader sees the file here: to anyone else it does not exist (404). Others reach a file only through what it is attached to, such as an activity's download.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound);
}
