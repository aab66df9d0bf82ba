using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Courses.Features.Activities;

/// <summary>
/// GET /cohorts/{cohortId}/activities/{activityId}/file: the activity's document, to the cohort's members once the
/// activity is released (staff: always). Always an attachment, never rendered inline by the browser.
/// </summary>
internal static class DownloadActivityFile
{
    public sealed record Query(Guid CohortId, Guid ActivityId) : IQuery<OpenedFile>;

    internal sealed class Handler(CoursesDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : IQueryHandler<Query, OpenedFile>
    {
        public async ValueTask<OpenedFile> Handle(Query query, CancellationToken cancellationToken)
        {
            var access = await sender.RequireInsideAsync(query.CohortId, me.Id, cancellationToken);
            var activity = await db.Set<Activity>().AsNoTracking()
                .Where(a => a.Id == query.ActivityId && a.CourseId == access.CourseId && a.FileId != null
                    && (access.Can(CohortCapability.PreviewContent) || db.Courses.Any(c => c.Id == a.CourseId && c.IsPublished)))
                .Select(a => new { a.FileId, a.OffsetDays })
                .FirstOrDefaultAsync(cancellationToken) ?? throw ProblemException.NotFound("This file");
            var released = access.ReleaseAt(activity.OffsetDays) <= clock.GetUtcNow();
            if (!released && !access.Can(CohortCapability.PreviewContent))
            {
                throw CourseProblems.ActivityNotReleased.Exception();
            }

            return await sender.Send(new OpenStoredFile(activity.FileId!.Value), cancellationToken) ?? throw ProblemException.NotFound("This file");
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/activities/{activityId:guid}/file", async (Guid cohortId, Guid activityId, ISender sender, CancellationToken ct) =>
            {
                var file = await sender.Send(new Query(cohortId, activityId), ct);
                return TypedResults.File(file.Content, file.Info.ContentType, file.Info.FileName);
            })
            .WithName("DownloadActivityFile")
            .WithSummary("Download an activity's document (cohort members, once released)")
            .WithDescription("The file uploaded for a resource activity, always as an attachment with `X-Content-Type-Options: nosniff` and `Content-Security-Policy: sandbox`, so it never runs in the platform's origin. Learners and mentors get it once the activity is released (409 `activity-not-released` before); trainers and org admins at any time. 404 when the activity has no file or the caller is outside the cohort.")
            .RequireAuthorization(Policies.SignedIn)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CourseProblems.ActivityNotReleased);
}
