using System.Text.Json.Serialization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Assessment.Features.Grading;

/// <summary>One change of a grade.</summary>
/// <param name="ChangedBy">Who changed it.</param>
/// <param name="Before">What it said before; absent for the first grade.</param>
/// <param name="After">What it said after.</param>
internal sealed record GradeChangeResponse(
    Guid ChangedBy, DateTimeOffset ChangedAt, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] GradeSnapshot? Before, GradeSnapshot After);

/// <summary>GET /submissions/{submissionId}/grade/history: every change of its grade, oldest first, for those who may grade it.</summary>
internal static class GetGradeHistory
{
    public sealed record Query(Guid SubmissionId) : IQuery<IReadOnlyList<GradeChangeResponse>>;

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, IReadOnlyList<GradeChangeResponse>>
    {
        public async ValueTask<IReadOnlyList<GradeChangeResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            await GradeSubmission.GradableAsync(db, sender, me.Id, query.SubmissionId, cancellationToken);
            return await db.GradeChanges.AsNoTracking().Where(c => c.SubmissionId == query.SubmissionId)
                .OrderBy(c => c.ChangedAt).ThenBy(c => c.Id)
                .Select(c => new GradeChangeResponse(c.ChangedBy, c.ChangedAt, c.Before, c.After))
                .ToListAsync(cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/submissions/{submissionId:guid}/grade/history", async (Guid submissionId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(submissionId), ct)))
            .WithName("GetGradeHistory")
            .WithSummary("Every change of a submission's grade: who, when, before and after (trainers, org admins; the author's mentor)")
            .WithDescription("The same access as grading: its author 403, everyone else 404. Oldest first; empty before the first grade.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
