using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
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
            var submission = await ReadableAsync(db, sender, me.Id, query.SubmissionId, cancellationToken);
            var grade = await db.Grades.AsNoTracking().FirstOrDefaultAsync(g => g.SubmissionId == submission.Id, cancellationToken);

            // Anyone but its author reads it because they may grade it; its author never sees a draft.
            return SubmissionResponse.From(submission, grade is not null && (submission.AuthorId != me.Id || grade.IsVisibleToAuthor) ? grade : null);
        }
    }

    /// <summary>
    /// The submission when the caller is its author or may act on its author (trainers, org admins, the author's mentor).
    /// Another learner's work does not exist for anyone else: the same 404 as an unknown id, never a 403 that confirms it.
    /// </summary>
    public static async Task<Submission> ReadableAsync(AssessmentDbContext db, ISender sender, Guid callerId, Guid submissionId, CancellationToken ct)
    {
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == submissionId, ct);
        var access = submission is null ? null : await sender.Send(new GetCohortAccess(submission.CohortId, callerId), ct);
        return submission is not null && access is not null && (submission.AuthorId == callerId || access.CanActOn(submission.AuthorId))
            ? submission
            : throw ProblemException.NotFound("This submission");
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/submissions/{submissionId:guid}", async (Guid submissionId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(submissionId), ct)))
            .WithName("GetSubmission")
            .WithSummary("One attempt (its author; the cohort's trainers and org admins; the author's mentor)")
            .WithDescription("Everyone else, other learners and other mentors included, gets 404, as for an unknown id. `grade` is shown to its author only once Released or ReturnedForRevision, never as a Draft.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.GradesRead)
            .Problems(ProblemType.NotFound);
}
