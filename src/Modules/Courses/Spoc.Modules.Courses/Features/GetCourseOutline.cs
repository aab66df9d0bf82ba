using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Courses.Features;

/// <summary>GET /courses/{courseId}/outline: sections and activities in order, with sanitized HTML (staff: drafts too).</summary>
internal static class GetCourseOutline
{
    public sealed record Query(Guid CourseId) : IQuery<Response>;

    public sealed record OutlineSection(Guid Id, string Title, int Position, IReadOnlyList<ActivityResponse> Activities);

    public sealed record Response(Guid CourseId, string Title, bool IsPublished, IReadOnlyList<OutlineSection> Sections);

    internal sealed class Handler(CoursesDbContext db, CourseGate gate) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            await gate.RequireVisibleAsync(query.CourseId, cancellationToken);
            var course = await db.Courses.AsNoTracking()
                .Include(c => c.Sections.OrderBy(s => s.Position)).ThenInclude(s => s.Activities.OrderBy(a => a.Position))
                .AsSplitQuery()
                .FirstAsync(c => c.Id == query.CourseId, cancellationToken);
            return new Response(course.Id, course.Title, course.IsPublished,
                course.Sections.Select(s => new OutlineSection(s.Id, s.Title, s.Position, s.Activities.Select(ActivityResponse.From).ToList())).ToList());
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/courses/{courseId:guid}/outline", async (Guid courseId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(courseId), ct)))
            .WithName("GetCourseOutline")
            .WithSummary("Sections and activities of a course in order")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
