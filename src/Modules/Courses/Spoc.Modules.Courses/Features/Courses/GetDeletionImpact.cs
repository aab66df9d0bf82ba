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

/// <summary>
/// GET /courses/{courseId}/sections/{sectionId}/impact and GET /courses/{courseId}/activities/{activityId}/impact: what
/// deleting it takes away, for the confirmation the editor shows. Only what Courses knows; a live session that prepared
/// with an activity (Community) simply stops listing it, as <c>GetActivitySummaries</c> leaves deleted activities out.
/// </summary>
internal static class GetDeletionImpact
{
    /// <summary>Either a section (<c>SectionId</c>) or one activity (<c>ActivityId</c>) of the course.</summary>
    public sealed record Query(Guid CourseId, Guid? SectionId, Guid? ActivityId) : IQuery<Response>;

    /// <summary>What a deletion takes away.</summary>
    /// <param name="Activities">Activities deleted (1 for an activity; a section's count, possibly 0).</param>
    /// <param name="Completions">Learners' completions of those activities, in every cohort of the course, deleted with them.</param>
    /// <param name="Learners">Distinct learners (per cohort) who completed at least one of them.</param>
    public sealed record Response(int Activities, int Completions, int Learners);

    internal sealed class Handler(CoursesDbContext db, CourseGate gate) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            await gate.RequireStaffAsync(query.CourseId, cancellationToken);
            var activities = db.Set<Activity>().AsNoTracking().Where(a => a.CourseId == query.CourseId);
            int count;
            if (query.SectionId is { } sectionId)
            {
                count = await db.Set<Section>().AsNoTracking().Where(s => s.Id == sectionId && s.CourseId == query.CourseId)
                    .Select(s => (int?)s.Activities.Count).FirstOrDefaultAsync(cancellationToken) ?? throw ProblemException.NotFound("This section");
                activities = activities.Where(a => a.SectionId == sectionId);
            }
            else
            {
                activities = activities.Where(a => a.Id == query.ActivityId);
                count = await activities.AnyAsync(cancellationToken) ? 1 : throw ProblemException.NotFound("This activity");
            }

            var completions = db.Completions.AsNoTracking().Where(c => activities.Any(a => a.Id == c.ActivityId));
            return new Response(
                count,
                await completions.CountAsync(cancellationToken),
                await completions.Select(c => new { c.CohortId, c.UserId }).Distinct().CountAsync(cancellationToken));
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/courses/{courseId:guid}/sections/{sectionId:guid}/impact", async (Guid courseId, Guid sectionId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(courseId, sectionId, null), ct)))
            .WithName("GetSectionDeletionImpact")
            .WithSummary("What deleting a section would take away (course staff)")
            .WithDescription("Course staff only (learners 403, outsiders 404). Counts the section's activities and the learners' completions of them (and how many learners they belong to) that `DELETE /courses/{courseId}/sections/{sectionId}` would delete, for the editor's confirmation.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
        api.MapGet("/courses/{courseId:guid}/activities/{activityId:guid}/impact", async (Guid courseId, Guid activityId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(courseId, null, activityId), ct)))
            .WithName("GetActivityDeletionImpact")
            .WithSummary("What deleting an activity would take away (course staff)")
            .WithDescription("Course staff only (learners 403, outsiders 404). Counts the learners' completions of the activity (and how many learners they belong to) that `DELETE /courses/{courseId}/activities/{activityId}` would delete, for the editor's confirmation.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
    }
}
