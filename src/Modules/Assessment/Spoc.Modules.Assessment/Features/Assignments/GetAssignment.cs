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

namespace Spoc.Modules.Assessment.Features.Assignments;

/// <summary>GET /assignments/{assignmentId}: one assignment, under the same visibility as the cohort's list (hidden ones are 404).</summary>
internal static class GetAssignment
{
    public sealed record Query(Guid AssignmentId) : IQuery<AssignmentResponse>;

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : IQueryHandler<Query, AssignmentResponse>
    {
        public async ValueTask<AssignmentResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            var cohortId = await db.Assignments.Where(a => a.Id == query.AssignmentId).Select(a => (Guid?)a.CohortId).FirstOrDefaultAsync(cancellationToken)
                ?? throw ProblemException.NotFound("This assignment");
            var access = await sender.RequireInsideAsync(cohortId, me.Id, cancellationToken);
            var now = clock.GetUtcNow();
            var assignment = await db.Assignments.AsNoTracking().Where(a => a.Id == query.AssignmentId).VisibleTo(access, now).FirstOrDefaultAsync(cancellationToken)
                ?? throw ProblemException.NotFound("This assignment");
            var shift = access.Role == CohortRole.Learner ? await sender.ShiftOfAsync(cohortId, me.Id, cancellationToken) : 0;
            return AssignmentResponse.For(assignment, access, shift, now);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/assignments/{assignmentId:guid}", async (Guid assignmentId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(assignmentId), ct)))
            .WithName("GetAssignment")
            .WithSummary("One assignment, with the caller's own due date when they are a learner")
            .WithDescription("Visible as in the cohort's list: learners see it once published and released (else 404), with `yourDueAt` and quiz answers withheld until it has passed; mentors before its release; trainers and org admins as a draft too. A partner's admin 403; outsiders 404. Answers an `ETag` for `PUT` (`If-Match`).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
