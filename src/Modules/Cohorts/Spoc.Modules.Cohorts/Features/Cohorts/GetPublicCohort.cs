using System.Text.Json.Serialization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Cohorts.Features.Cohorts;

/// <summary>
/// GET /public/cohorts/{cohortId}: the shareable page of a cohort anyone may apply to, for people without an account
/// (issue 16). Only an <c>Application</c> cohort that names no organisation (so any registered learner may apply) and whose
/// window is open or upcoming has one, unless its organisation is suspended; any other cohort is the same 404 as an unknown id. It shows what a flyer would:
/// never a member, an applicant or an email.
/// </summary>
internal static class GetPublicCohort
{
    public sealed record Query(Guid CohortId) : IQuery<PublicCohort>;

    /// <param name="Title">The cohort's title.</param>
    /// <param name="CourseTitle">The course it follows.</param>
    /// <param name="CourseSummaryHtml">The course's summary, rendered from Markdown and sanitized; empty when it has none.</param>
    /// <param name="Competencies">The competencies the course works on, by code.</param>
    /// <param name="OrganizationName">The organisation that runs the cohort.</param>
    /// <param name="StartsOn">First day, in <c>timeZone</c>.</param>
    /// <param name="EndsOn">Last day, in <c>timeZone</c>.</param>
    /// <param name="TimeZone">IANA time zone in which the cohort's days are counted.</param>
    /// <param name="ApplicationsOpenAt">When applications open.</param>
    /// <param name="ApplicationsCloseAt">When applications close.</param>
    /// <param name="ApplicationsOpen">Whether applications are open now (otherwise they open at <c>applicationsOpenAt</c>).</param>
    /// <param name="SeatsLeft">Seats still free; 0 means an admitted applicant goes to the waitlist.</param>
    /// <param name="WaitlistLength">Applicants already waiting for a seat.</param>
    public sealed record PublicCohort(
        Guid Id,
        string Title,
        string CourseTitle,
        string CourseSummaryHtml,
        IReadOnlyList<PresentedCompetency> Competencies,
        string OrganizationName,
        DateOnly StartsOn,
        DateOnly EndsOn,
        string TimeZone,
        DateTimeOffset ApplicationsOpenAt,
        DateTimeOffset ApplicationsCloseAt,
        bool ApplicationsOpen,
        int SeatsLeft,
        int WaitlistLength,
        [property: JsonIgnore] Guid Version) : IVersioned;

    /// <summary>Three statements whatever the cohort's size: the cohort with its counts, the course, the organisation's name.</summary>
    internal sealed class Handler(CohortsDbContext db, ISender sender, TimeProvider clock) : IQueryHandler<Query, PublicCohort>
    {
        public async ValueTask<PublicCohort> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var cohort = await db.Cohorts.AsNoTracking()
                .Where(c => c.Id == query.CohortId && c.AdmissionMode == AdmissionMode.Application && !c.Organizations.Any()
                    && !c.OrganizationSuspended && c.ApplicationsCloseAt > now)
                .Select(c => new
                {
                    c.Id, c.Title, c.CourseId, c.OrganizationId, c.StartsOn, c.EndsOn, c.TimeZone,
                    // An Application cohort always has its window (CreateCohort requires it).
                    ApplicationsOpenAt = c.ApplicationsOpenAt!.Value, ApplicationsCloseAt = c.ApplicationsCloseAt!.Value,
                    SeatsLeft = c.Capacity - c.SeatsTaken,
                    WaitlistLength = c.Applications.Count(a => a.Status == ApplicationStatus.Waitlisted),
                    c.Version,
                })
                .FirstOrDefaultAsync(cancellationToken) ?? throw ProblemException.NotFound("This cohort");
            var course = await sender.Send(new GetCoursePresentation(cohort.CourseId), cancellationToken) ?? throw ProblemException.NotFound("This cohort");
            var organization = (await sender.Send(new GetOrganizations([cohort.OrganizationId]), cancellationToken)).SingleOrDefault()
                ?? throw ProblemException.NotFound("This cohort");
            return new PublicCohort(
                cohort.Id, cohort.Title, course.Title, course.SummaryHtml, course.Competencies, organization.Name,
                cohort.StartsOn, cohort.EndsOn, cohort.TimeZone, cohort.ApplicationsOpenAt, cohort.ApplicationsCloseAt,
                cohort.ApplicationsOpenAt <= now, Math.Max(0, cohort.SeatsLeft), cohort.WaitlistLength, cohort.Version);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/public/cohorts/{cohortId:guid}", async (Guid cohortId, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var cohort = await sender.Send(new Query(cohortId), ct);
                // Shared links are opened in bursts: caches may keep the page a minute; seat counts are never older than that.
                http.Response.Headers.CacheControl = "public, max-age=60";
                return TypedResults.Ok(cohort);
            })
            .WithName("GetPublicCohort")
            .WithSummary("The public page of a cohort open to applications: course, dates, seats left, organisation")
            .WithDescription("Anyone, no sign-in: the shareable link of a cohort. Only an `Application` cohort that names no organisation (open to any registered learner) and whose application window is open or still to come has a public page, unless its organisation is suspended; any other cohort, or an unknown id, is 404 `not-found`. Shows the course's title, summary (sanitized HTML) and competencies, the cohort's dates and time zone, the application window, the seats left and the waitlist's length, and the organisation's name; never a member, an applicant or an email. `Cache-Control: public, max-age=60` with an `ETag`: `If-None-Match` answers 304. Its own rate limit per address (`RateLimiting:PublicPermitsPerIp`, 60 a minute by default): 429 with `Retry-After` beyond.")
            .AllowAnonymous()
            .RequireRateLimiting(CohortsModule.PublicPageRateLimitPolicy)
            .Produces(StatusCodes.Status304NotModified)
            .Problems(ProblemType.NotFound, ProblemType.TooManyRequests);
}
