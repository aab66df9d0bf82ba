using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Assessment.Features.Submissions;

/// <summary>
/// GET /submissions/{submissionId}/files/{fileId}: a file handed in, to those who may read the submission (its author,
/// trainers, org admins, the author's mentor). Always an attachment, never rendered inline by the browser.
/// </summary>
internal static class DownloadSubmissionFile
{
    public sealed record Query(Guid SubmissionId, Guid FileId) : IQuery<OpenedFile>;

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, OpenedFile>
    {
        public async ValueTask<OpenedFile> Handle(Query query, CancellationToken cancellationToken)
        {
            var submission = await GetSubmission.ReadableAsync(db, sender, me.Id, query.SubmissionId, cancellationToken);
            return submission.FileIds.Contains(query.FileId)
                ? await sender.Send(new OpenStoredFile(query.FileId), cancellationToken) ?? throw ProblemException.NotFound("This file")
                : throw ProblemException.NotFound("This file");
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/submissions/{submissionId:guid}/files/{fileId:guid}", async (Guid submissionId, Guid fileId, ISender sender, CancellationToken ct) =>
            {
                var file = await sender.Send(new Query(submissionId, fileId), ct);
                return TypedResults.File(file.Content, file.Info.ContentType, file.Info.FileName);
            })
            .WithName("DownloadSubmissionFile")
            .WithSummary("Download a file handed in with a submission (its author; trainers, org admins; the author's mentor)")
            .WithDescription("Always as an attachment with `X-Content-Type-Options: nosniff` and `Content-Security-Policy: sandbox`, so it never runs in the platform's origin. 404 for everyone else, and for a file that is not part of this submission.")
            .RequireAuthorization(Policies.SignedIn)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Problems(ProblemType.NotFound);
}
