using System.Net;
using System.Net.Http.Headers;
using AwesomeAssertions;
using Mediator;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Community.Live;

namespace Spoc.Api.Tests.Community.Live;

/// <summary>The live hub (/hubs/notifications): who may connect, how the token travels, and who receives what.</summary>
public sealed class LiveHubTests
{
    private SpocApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new SpocApiFactory();

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task A_person_receives_their_own_notification_changes_and_nobody_else_does()
    {
        var people = await _factory.PeopleAsync(2, "live");
        await using var first = await _factory.ConnectAsync(LiveClient.TokenOf(people[0].Client));
        await using var second = await _factory.ConnectAsync(LiveClient.TokenOf(people[1].Client));
        var firstChanges = first.Collect(NotificationsHub.NotificationsChanged);
        var secondChanges = second.Collect(NotificationsHub.NotificationsChanged);

        await DeliveredAsync(people[0].Id);
        await firstChanges.WaitFor();

        await second.RoundTripAsync();
        secondChanges.Count.Should().Be(0, "the second person was connected at the same time and must receive nothing of the first's");

        await DeliveredAsync(people[1].Id);
        await secondChanges.WaitFor();
    }

    [Test]
    public async Task A_connection_without_a_token_or_with_a_forged_one_is_refused()
    {
        var anonymous = async () => await _factory.ConnectAsync(null);
        (await anonymous.Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var forged = async () => await _factory.ConnectAsync("not.a.token");
        (await forged.Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task The_token_in_the_query_string_counts_only_for_a_websocket_to_the_hub()
    {
        var token = LiveClient.TokenOf((await _factory.NewUserAsync("query")).Client);
        using var anonymous = _factory.CreateClient();

        (await anonymous.GetAsync($"/api/v1/me?access_token={token}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        // Dressed as a WebSocket handshake, but not to the hub.
        using var upgrade = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/me?access_token={token}");
        upgrade.Headers.Connection.Add("Upgrade");
        upgrade.Headers.Upgrade.Add(new ProductHeaderValue("websocket"));
        (await anonymous.SendAsync(upgrade)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        // To the hub, but plain HTTP: the negotiate request must send the Authorization header.
        (await anonymous.PostAsync($"/hubs/notifications/negotiate?negotiateVersion=1&access_token={token}", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await anonymous.PostAsync("/hubs/notifications/negotiate?negotiateVersion=1", null)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>What the notifications part publishes once it has committed these people's notifications.</summary>
    private async Task DeliveredAsync(params Guid[] userIds)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(new NotificationsDelivered(userIds));
    }
}
