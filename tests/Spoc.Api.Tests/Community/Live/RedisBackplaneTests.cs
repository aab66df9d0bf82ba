using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
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
    public async Task A_post_made_through_one_instance_reaches_a_client_connected_to_the_other()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["Redis:Connection"] = redis.Connection };
        using var a = new SpocApiFactory(settings);
        using var b = new SpocApiFactory(settings, a.DataDirectory);
        var w = await ForumWorld.CreateAsync(a);
        var threadId = (await w.ThreadAsync(w.Learner(0), new { title = "Deux serveurs", body = "Qui me lit ?" }))["id"]!.GetValue<Guid>();

        await using var onB = await b.ConnectAsync(LiveClient.TokenOf(w.Learner(1)));
        var posts = onB.Collect(NotificationsHub.PostPublishedMethod, typeof(JsonElement));
        var changes = onB.Collect(NotificationsHub.NotificationsChanged);
        await onB.InvokeAsync("JoinThread", threadId); // on B, which reads the thread from the shared database

        // Written on A and naming learner 1: the thread's group and learner 1's own channel both cross to B.
        var postId = (await w.PostAsync(w.Learner(0), threadId, new { body = "@Learner 1 écrit sur A" }))["id"]!.GetValue<Guid>();
        await posts.WaitFor(p => ((JsonElement)p[0]!).GetProperty("postId").GetGuid() == postId);
        await changes.WaitFor();
    }
}
