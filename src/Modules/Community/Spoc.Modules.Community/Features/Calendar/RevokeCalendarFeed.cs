using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Calendar;

/// <summary>DELETE /me/calendar-feed: the caller's subscription URL stops working.</summary>
internal static class RevokeCalendarFeed
{
    public sealed record Command : ICommand;

    internal sealed class Handler(CommunityDbContext db, ICurrentUser me) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.CalendarFeeds.Where(f => f.UserId == me.Id).ExecuteDeleteAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapDelete("/me/calendar-feed", async (ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(), ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeCalendarFeed")
            .WithSummary("Stop the caller's calendar subscription URL")
            .WithDescription("Any signed-in user, their own; nothing to stop is fine too (204). The URL answers 404 from now on.")
            .RequireAuthorization(Policies.SignedIn);
}
