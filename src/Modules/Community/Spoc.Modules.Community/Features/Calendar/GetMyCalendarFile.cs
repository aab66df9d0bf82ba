using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Community.Features.Calendar;

/// <summary>
/// GET /me/calendar.ics?token=: the token's owner's sessions in every cohort they belong to (a group's only for its members
/// and staff; cancelled ones as STATUS:CANCELLED) and their own due dates, for a calendar app. A constant number of queries.
/// </summary>
internal static class GetMyCalendarFile
{
    /// <param name="Token">The secret of the subscription URL (<c>POST /me/calendar-feed</c>).</param>
    public sealed record Query(string Token) : IQuery<string>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Token).NotEmpty().MaximumLength(100);
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, PublicSite site) : IQueryHandler<Query, string>
    {
        public async ValueTask<string> Handle(Query query, CancellationToken cancellationToken)
        {
            var userId = await db.OwnerAsync(query.Token, cancellationToken);
            var cohorts = await sender.CohortsOfAsync(userId, cancellationToken);
            var sessions = await db.SessionsAsync(cohorts, null, null, cancellationToken);
            var dueDates = await sender.Send(new GetDueDatesOfUser(userId, cohorts.LearnerZones()), cancellationToken);
            var language = Languages.Normalize((await sender.Send(new GetUsers([userId]), cancellationToken)).FirstOrDefault()?.PreferredLanguage);
            return CalendarFile.Write(MailTemplate.In(language, "Mon agenda Spoc", "My Spoc agenda"), cohorts, sessions, dueDates, userId, language, site);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/me/calendar.ics", async (string? token, HttpContext http, ISender sender, CancellationToken ct) =>
                CalendarFile.Answer(http, await sender.Send(new Query(token ?? ""), ct)))
            .WithName("GetMyCalendarFile")
            .WithSummary("The token owner's sessions and due dates as an iCalendar (RFC 5545) feed, for a calendar app")
            .WithDescription("No sign-in: the secret `token` of `POST /me/calendar-feed` says whose agenda it is; an unknown, regenerated or revoked token is 404. Every session of the cohorts they belong to (a project group's sessions only for that group's members and the cohort's staff), cancelled ones with `STATUS:CANCELLED`, each with `UID` `<session id>@spoc` and the session's `SEQUENCE`; and, where they learn, each released assignment at their own due date (pacing shift applied), `UID` `<assignment id>-<user id>@spoc`. Times in each cohort's time zone with its `VTIMEZONE`. No meeting link: the event links to the session page, which shows it when it is time. `ETag` and `If-None-Match` (304). Rate limited per token (`RateLimiting:FeedPermitsPerToken` per `RateLimiting:FeedWindow`, 30 per 10 minutes: 429 with `Retry-After` beyond).")
            .AllowAnonymous()
            .RequireRateLimiting(CommunityModule.CalendarFeedRateLimitPolicy)
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .Produces(StatusCodes.Status304NotModified)
            .Problems(ProblemType.NotFound);
}
