using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Notifications;

/// <summary>GET /me/notifications/unread-count: the bell's number, counted (never a stored counter, so nothing can drift).</summary>
internal static class GetUnreadCount
{
    /// <param name="Unread">Notifications of the caller's feed not read yet.</param>
    public sealed record Response(int Unread);

    public sealed record Query : IQuery<Response>;

    internal sealed class Handler(CommunityDbContext db, ICurrentUser me) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken) =>
            new(await db.Notifications.CountAsync(n => n.UserId == me.Id && n.InFeed && n.ReadAt == null, cancellationToken));
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/me/notifications/unread-count", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(), ct)))
            .WithName("GetMyUnreadNotificationCount")
            .WithSummary("How many of the caller's notifications are unread (the bell's count)")
            .WithDescription("Any signed-in user, their own feed only. One indexed count.")
            .RequireAuthorization(Policies.SignedIn);
}
