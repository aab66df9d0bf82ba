using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Courses.Features.Courses;

/// <summary>GET /courses/{courseId}: its staff always, the organisation's other members once published; anyone else gets 404.</summary>
internal static class GetCourseDetails
{
    public sealed record Query(Guid CourseId) : IQuery<CourseResponse>;

    internal sealed class Handler(CoursesDbContext db, CourseGate gate) : IQueryHandler<Query, CourseResponse>
    {
        public async ValueTask<CourseResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            await gate.RequireVisibleAsync(query.CourseId, cancellationToken);
            return CourseResponse.From(await db.Courses.AsNoTracking().Include(c => c.Competencies).FirstAsync(c => c.Id == query.CourseId, cancellationToken));
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/courses/{courseId:guid}", async (Guid courseId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(courseId), ct)))
            .WithName("GetCourse")
            .WithSummary("A course of one of the caller's organisations")
            .WithDescription("The organisation's admins and trainers (its staff) always see it; its other members only once it is published. Anyone else, and a member before publication, gets 404.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound);
}
