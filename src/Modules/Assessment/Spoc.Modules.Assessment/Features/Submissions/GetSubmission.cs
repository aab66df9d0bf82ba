using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Assessment.Features.Submissions;

/// <summary>GET /submissions/{submissionId}: for its author, the cohort's trainers and org admins, and the author's mentor; 404 for everyone else.</summary>
internal static class GetSubmission
{
    public sealed record Query(Guid SubmissionId) : IQuery<SubmissionResponse>;

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, SubmissionResponse>
    {
        public async ValueTask<SubmissionResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == query.SubmissionId, cancellationToken);
            var access = submission is null ? null : await sender.Send(new GetCohortAccess(submission.CohortId, me.Id), cancellationToken);

            // Another learner's work does not exist for the caller: the same 404 as an unknown id, never a 403 that confirms it.
            return submission is not null && access is not null && (submission.AuthorId == me.Id || access.CanActOn(submission.AuthorId))
                ? SubmissionResponse.From(submission)
                : throw ProblemException.NotFound("This submission");
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/submissions/{submissionId:guid}", async (Guid submissionId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(submissionId), ct)))
            .WithName("GetSubmission")
            .WithSummary("One attempt (its author; the cohort's trainers and org admins; the author's mentor)")
            .WithDescription("Everyone else, other learners and other mentors included, gets 404, as for an unknown id.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound);
}
