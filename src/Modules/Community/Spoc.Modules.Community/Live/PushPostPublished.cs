using Mediator;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Spoc.Modules.Community.Contracts;

namespace Spoc.Modules.Community.Live;

/// <summary>
/// Tells the connections that opened a thread (and were allowed to, see <see cref="NotificationsHub.JoinThread"/>) that
/// a post was published in it. Not an inbox handler: a redelivered event, or one published by two instances' dispatchers,
/// only repeats a harmless "refetch". A failed push is logged, not thrown, so it never holds up the event's other handlers.
/// </summary>
internal sealed class PushPostPublished(IHubContext<NotificationsHub> hub, ILogger<PushPostPublished> logger)
    : INotificationHandler<ForumPostPublished>
{
    public async ValueTask Handle(ForumPostPublished published, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.Group(NotificationsHub.ThreadGroup(published.ThreadId))
                .SendAsync(NotificationsHub.PostPublishedMethod, new PostPublished(published.ThreadId, published.PostId), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The live push of post {PostId} to thread {ThreadId} failed", published.PostId, published.ThreadId);
        }
    }
}
