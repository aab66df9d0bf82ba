using AwesomeAssertions;
using Mediator;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Community.Live;

namespace Spoc.Api.Tests.Community.Live;

/// <summary>
/// Two API instances on one database and one real Redis: what happens on one reaches a client connected to the other.
/// Both instances run an outbox dispatcher, so an event may be pushed twice; a client accepts one push or more.
/// </summary>
public sealed class RedisBackplaneTests
{
    [Test]
    public async Task A_notification_committed_on_one_instance_reaches_a_client_connected_to_the_other()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["Redis:Connection"] = redis.Connection };
        using var a = new SpocApiFactory(settings);
        using var b = new SpocApiFactory(settings, a.DataDirectory);
        var person = await a.NewUserAsync("two-instances");
        await using var onB = await b.ConnectAsync(LiveClient.TokenOf(person.Client));
        await onB.RoundTripAsync(); // the handshake answers before B subscribes to the person's Redis channel; a call runs after

        var pushed = onB.Collect(NotificationsHub.NotificationsChanged);
        await using (var scope = a.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(new NotificationsDelivered([person.UserId]));
        }

        await pushed.WaitFor();
    }
}
