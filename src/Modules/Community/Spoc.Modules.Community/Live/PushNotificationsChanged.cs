using Mediator;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Spoc.Modules.Community.Live;

/// <summary>
/// Tells each person whose notifications were just committed, and nobody else, that their feed changed. A failed push
/// (the backplane down) is logged, never thrown: it must not fail the work that committed the notifications, and the
/// client reads the feed again on its next reconnect or page load.
/// </summary>
internal sealed class PushNotificationsChanged(IHubContext<NotificationsHub> hub, ILogger<PushNotificationsChanged> logger)
    : INotificationHandler<NotificationsDelivered>
{
    public async ValueTask Handle(NotificationsDelivered delivered, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.Users(delivered.UserIds.Select(LiveUsers.Of)).SendAsync(NotificationsHub.NotificationsChanged, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The live push of {Count} notification feed change(s) failed", delivered.UserIds.Count);
        }
    }
}
