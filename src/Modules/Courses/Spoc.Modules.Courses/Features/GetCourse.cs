using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Courses.Features;

/// <summary>GET /courses/{courseId}: members of the course's organisation see it; anyone else gets 404.</summary>
internal static class GetCourseDetails
{
    public sealed record Query(Guid CourseId) : IQuery<CourseResponse>;

    internal sealed class Handler(CoursesDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, CourseResponse>
    {
        public async ValueTask<CourseResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            var course = await db.Courses.AsNoTracking().Include(c => c.Competencies).FirstOrDefaultAsync(c => c.Id == query.CourseId, cancellationToken)
                ?? throw ProblemException.NotFound("This course");
            _ = await sender.Send(new GetOrganizationRole(course.OrganizationId, me.Id), cancellationToken) ?? throw ProblemException.NotFound("This course");
            return CourseResponse.From(course);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/courses/{courseId:guid}", async (Guid courseId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new Query(courseId), ct)))
            .WithName("GetCourse")
            .WithSummary("A course of one of the caller's organisations")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

/// <summary>Answers <see cref="GetCourse"/> and <see cref="GetCoursesOfOrganization"/> for other modules.</summary>
internal sealed class GetCourseHandler(CoursesDbContext db) : IQueryHandler<GetCourse, CourseSummary?>, IQueryHandler<GetCoursesOfOrganization, IReadOnlyList<CourseSummary>>
{
    public async ValueTask<IReadOnlyList<CourseSummary>> Handle(GetCoursesOfOrganization query, CancellationToken cancellationToken) =>
        await db.Courses.AsNoTracking()
            .Where(c => c.OrganizationId == query.OrganizationId)
            .OrderBy(c => c.Title)
            .Select(c => new CourseSummary(c.Id, c.OrganizationId, c.Title))
            .ToListAsync(cancellationToken);

    public async ValueTask<CourseSummary?> Handle(GetCourse query, CancellationToken cancellationToken) =>
        await db.Courses.AsNoTracking()
            .Where(c => c.Id == query.CourseId)
            .Select(c => new CourseSummary(c.Id, c.OrganizationId, c.Title))
            .FirstOrDefaultAsync(cancellationToken);
}
