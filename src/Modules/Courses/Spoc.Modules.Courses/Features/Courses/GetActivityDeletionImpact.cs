using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Courses.Features.Courses;

/// <summary>GET /courses/{courseId}/activities/{activityId}/impact: what deleting the activity would take away, for the editor's confirmation.</summary>
internal static class GetActivityDeletionImpact
{
    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/courses/{courseId:guid}/activities/{activityId:guid}/impact", async (Guid courseId, Guid activityId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetDeletionImpact.Query(courseId, null, activityId), ct)))
            .WithName("GetActivityDeletionImpact")
            .WithSummary("What deleting an activity would take away (course staff)")
            .WithDescription("Course staff only (learners 403, outsiders 404). Counts the learners' completions of the activity (and how many learners they belong to) that `DELETE /courses/{courseId}/activities/{activityId}` would delete, for the editor's confirmation.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
