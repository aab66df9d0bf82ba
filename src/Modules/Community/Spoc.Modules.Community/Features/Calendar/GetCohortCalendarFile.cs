using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Community.Features.Calendar;

/// <summary>GET /cohorts/{cohortId}/calendar.ics?token=: a cohort's whole calendar for its staff: every session, every published due date.</summary>
internal static class GetCohortCalendarFile
{
    /// <param name="CohortId">The cohort.</param>
    /// <param name="Token">The secret of the staff member's own subscription URL (<c>POST /me/calendar-feed</c>).</param>
    public sealed record Query(Guid CohortId, string Token) : IQuery<string>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Token).NotEmpty().MaximumLength(100);
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, PublicSite site) : IQueryHandler<Query, string>
    {
        public async ValueTask<string> Handle(Query query, CancellationToken cancellationToken)
        {
            var userId = await db.OwnerAsync(query.Token, cancellationToken);
            var access = await sender.Send(new GetCohortAccess(query.CohortId, userId), cancellationToken);

            // Token-only calls learn nothing about cohorts they do not run: 404 whatever the reason.
            if (access is null || !(access.Can(CohortCapability.ActOnAllLearners) || access.Can(CohortCapability.ActOnOwnMentees)))
            {
                throw ProblemException.NotFound("This calendar feed");
            }

            CalendarCohort[] cohort = [new(query.CohortId, null, access.TimeZone, SeesEveryGroup: true, GroupId: null)];
            var sessions = await db.SessionsAsync(cohort, null, null, cancellationToken);
            var dueDates = await sender.Send(new GetDueDatesOfCohort(query.CohortId), cancellationToken);
            var course = await sender.Send(new GetCourse(access.CourseId), cancellationToken);
            var language = Languages.Normalize((await sender.Send(new GetUsers([userId]), cancellationToken)).FirstOrDefault()?.PreferredLanguage);
            return CalendarFile.Write("Spoc · " + course?.Title, cohort, sessions, dueDates, learnerId: null, language, site);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/calendar.ics", async (Guid cohortId, string? token, HttpContext http, ISender sender, CancellationToken ct) =>
                CalendarFile.Answer(http, await sender.Send(new Query(cohortId, token ?? ""), ct)))
            .WithName("GetCohortCalendarFile")
            .WithSummary("A cohort's whole calendar as an iCalendar (RFC 5545) feed, for its staff's calendar app")
            .WithDescription("No sign-in: the `token` of the caller's own `POST /me/calendar-feed` says who asks, and they must be staff of the cohort (trainers, mentors, its organisation's admins); anyone else, and an unknown token, 404. Every session (every group's; cancelled ones with `STATUS:CANCELLED`), `UID` `<session id>@spoc` with its `SEQUENCE`, and each published assignment at the cohort's due date, `UID` `<assignment id>@spoc`. Times in the cohort's time zone with its `VTIMEZONE`. `ETag` and `If-None-Match` (304). Rate limited per token (`RateLimiting:FeedPermitsPerToken` per `RateLimiting:FeedWindow`, 30 per 10 minutes: 429 with `Retry-After` beyond).")
            .AllowAnonymous()
            .RequireRateLimiting(CommunityModule.CalendarFeedRateLimitPolicy)
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .Produces(StatusCodes.Status304NotModified)
            .Problems(ProblemType.NotFound);
}
