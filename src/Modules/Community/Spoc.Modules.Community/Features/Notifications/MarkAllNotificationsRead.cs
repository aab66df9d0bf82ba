using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Notifications;

/// <summary>
/// POST /me/notifications/read-all: one conditional update. <c>upTo</c> (the newest the caller saw) leaves unread what
/// arrived after it, so a notification landing while the panel is open is not marked read unseen.
/// </summary>
internal static class MarkAllNotificationsRead
{
    public sealed record Command(DateTimeOffset? UpTo) : ICommand<Response>;

    /// <param name="Marked">How many were unread and are now read.</param>
    public sealed record Response(int Marked);

    internal sealed class Handler(CommunityDbContext db, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var upTo = command.UpTo is { } seen && seen < now ? seen : now;
            return new(await db.Notifications.Where(n => n.UserId == me.Id && n.InFeed && n.ReadAt == null && n.CreatedAt <= upTo)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken));
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/me/notifications/read-all", async (DateTimeOffset? upTo, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(upTo), ct)))
            .WithName("MarkAllNotificationsRead")
            .WithSummary("Mark every unread notification of the caller read")
            .WithDescription("Idempotent. `upTo` (the `createdAt` of the newest notification the caller has seen) keeps later arrivals unread; without it, everything up to now. Answers how many were marked.")
            .RequireAuthorization(Policies.SignedIn);
}
