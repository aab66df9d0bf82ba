using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Calendar;

/// <summary>GET /me/calendar-feed: whether the caller has a subscription URL (never the URL again).</summary>
internal static class GetCalendarFeed
{
    public sealed record Query : IQuery<CalendarFeedResponse>;

    internal sealed class Handler(CommunityDbContext db, ICurrentUser me) : IQueryHandler<Query, CalendarFeedResponse>
    {
        public async ValueTask<CalendarFeedResponse> Handle(Query query, CancellationToken cancellationToken) =>
            await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == me.Id)
                .Select(f => new CalendarFeedResponse(true, f.CreatedAt)).FirstOrDefaultAsync(cancellationToken)
            ?? new CalendarFeedResponse(false, null);
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/me/calendar-feed", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new Query(), ct)))
            .WithName("GetCalendarFeed")
            .WithSummary("Whether the caller has a calendar subscription URL, and since when")
            .WithDescription("Any signed-in user, their own. The secret URL itself is shown only by `POST /me/calendar-feed`, which makes a new one.")
            .RequireAuthorization(Policies.SignedIn);
}
