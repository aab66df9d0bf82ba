using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Courses.Features.Courses;

/// <summary>GET /courses/{courseId}/sections/{sectionId}/impact: what deleting the section would take away, for the editor's confirmation.</summary>
internal static class GetSectionDeletionImpact
{
    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/courses/{courseId:guid}/sections/{sectionId:guid}/impact", async (Guid courseId, Guid sectionId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetDeletionImpact.Query(courseId, sectionId, null), ct)))
            .WithName("GetSectionDeletionImpact")
            .WithSummary("What deleting a section would take away (course staff)")
            .WithDescription("Course staff only (learners 403, outsiders 404). Counts the section's activities and the learners' completions of them (and how many learners they belong to) that `DELETE /courses/{courseId}/sections/{sectionId}` would delete, for the editor's confirmation.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
