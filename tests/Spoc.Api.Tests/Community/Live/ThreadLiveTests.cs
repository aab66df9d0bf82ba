using System.Text.Json;
using AwesomeAssertions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Community.Live;

namespace Spoc.Api.Tests.Community.Live;

/// <summary>
/// Live pushes driven through the API: a post reaches the connections that joined its thread (and only those allowed
/// to), and the notifications it makes reach the people it names, not the others connected at the same time.
/// </summary>
public sealed class ThreadLiveTests
{
    private SpocApiFactory _factory = null!;
    private ForumWorld _w = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _w = await ForumWorld.CreateAsync(_factory);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task A_post_reaches_who_joined_its_thread_and_another_group_s_space_cannot_be_joined()
    {
        var threadId = (await _w.ThreadAsync(_w.Learner(0), new { title = "Notre plan", body = "Premier jet", groupId = _w.Alpha }))["id"]!.GetValue<Guid>();
        await using var member = await _factory.ConnectAsync(LiveClient.TokenOf(_w.Learner(1)));
        await using var stranger = await _factory.ConnectAsync(LiveClient.TokenOf(_w.Learner(2)));
        var memberPosts = member.Collect(NotificationsHub.PostPublishedMethod, typeof(JsonElement));
        var strangerPosts = stranger.Collect(NotificationsHub.PostPublishedMethod, typeof(JsonElement));

        await member.InvokeAsync("JoinThread", threadId);
        foreach (var refused in new[] { threadId, Guid.NewGuid() })
        {
            var join = async () => await stranger.InvokeAsync("JoinThread", refused);
            await join.Should().ThrowAsync<HubException>("another group's space and an unknown thread are refused alike");
        }

        var postId = (await _w.PostAsync(_w.Learner(0), threadId, new { body = "Deuxième jet" }))["id"]!.GetValue<Guid>();
        var pushed = (JsonElement)(await memberPosts.WaitFor(p => ((JsonElement)p[0]!).GetProperty("postId").GetGuid() == postId))[0]!;
        pushed.GetProperty("threadId").GetGuid().Should().Be(threadId, "the payload names the thread and the post, for the client to refetch");

        await stranger.RoundTripAsync();
        strangerPosts.Count.Should().Be(0, "a refused join joins nothing");
    }

    [Test]
    public async Task A_mention_tells_the_person_named_and_nobody_else_connected_at_the_same_time()
    {
        var threadId = (await _w.ThreadAsync(_w.Learner(0), new { title = "Qui relit ?", body = "Une relecture ?" }))["id"]!.GetValue<Guid>();
        await using var named = await _factory.ConnectAsync(LiveClient.TokenOf(_w.Learner(1)));
        await using var other = await _factory.ConnectAsync(LiveClient.TokenOf(_w.Learner(3)));
        var otherChanges = other.Collect(NotificationsHub.NotificationsChanged);

        var told = named.Collect(NotificationsHub.NotificationsChanged);
        await _w.PostAsync(_w.Learner(0), threadId, new { body = "@Learner 1 peux-tu relire ?" });
        await told.WaitFor();

        await other.RoundTripAsync();
        otherChanges.Count.Should().Be(0, "learner 3 was connected too and is not named");
    }
}
