using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Courses.Features;

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
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

/// <summary>Answers what other modules ask of Courses.</summary>
internal sealed class GetCourseHandler(CoursesDbContext db) :
    IQueryHandler<GetCourse, CourseSummary?>,
    IQueryHandler<GetCoursesOfOrganization, IReadOnlyList<CourseSummary>>,
    IQueryHandler<GetCompletions, IReadOnlyList<ActivityCompletion>>
{
    public async ValueTask<IReadOnlyList<ActivityCompletion>> Handle(GetCompletions query, CancellationToken cancellationToken) =>
        query.ActivityIds.Count == 0
            ? []
            : await db.Completions.AsNoTracking()
                .Where(c => c.CohortId == query.CohortId && query.ActivityIds.Contains(c.ActivityId))
                .Select(c => new ActivityCompletion(c.UserId, c.ActivityId, c.CompletedAt))
                .ToListAsync(cancellationToken);

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
