using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Calendar;

/// <summary>POST /me/calendar-feed: a new secret subscription URL for the caller's calendar; the previous one stops working.</summary>
internal static class CreateCalendarFeed
{
    public sealed record Command : ICommand<CalendarSubscriptionResponse>;

    internal sealed class Handler(CommunityDbContext db, ICurrentUser me, TimeProvider clock, PublicSite site) : ICommandHandler<Command, CalendarSubscriptionResponse>
    {
        public async ValueTask<CalendarSubscriptionResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var token = CalendarTokens.NewToken();
            var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.UserId == me.Id, cancellationToken);
            if (feed is null)
            {
                feed = new CalendarFeed { UserId = me.Id, TokenHash = "" };
                db.CalendarFeeds.Add(feed);
            }

            feed.TokenHash = CalendarTokens.Hash(token);
            feed.CreatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return new CalendarSubscriptionResponse(site.Link($"/api/v1/me/calendar.ics?token={token}"), token, feed.CreatedAt);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/me/calendar-feed", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new Command(), ct)))
            .WithName("CreateCalendarFeed")
            .WithSummary("Make (or remake) the caller's secret calendar subscription URL, shown this once")
            .WithDescription("Any signed-in user, for themselves. Answers the URL of `GET /me/calendar.ics` with a new secret token (only its hash is kept, so it is never shown again); an earlier URL stops working at once (404). A calendar app subscribed to the URL shows the caller's sessions and due dates.")
            .RequireAuthorization(Policies.SignedIn);
}
