using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Community.Features.Forums;

namespace Spoc.Api.Tests.Community;

/// <summary>Group spaces, announcements and moderation: who reads, writes and moderates what.</summary>
public sealed class ForumAccessTests
{
    private SpocApiFactory _factory = null!;
    private ForumWorld _w = null!;
    private HttpClient _outsider = null!;
    private Guid _outsiderId;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _w = await ForumWorld.CreateAsync(_factory);
        (_outsider, _outsiderId, _) = await _factory.NewUserAsync("outsider");
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task Two_learners_of_different_groups_cannot_read_each_others_space()
    {
        var alpha = await _w.ThreadAsync(_w.Learner(0), new { title = "Entre nous", body = "Notre plan", groupId = _w.Alpha });
        var threadId = alpha["id"]!.GetValue<Guid>();
        var postId = (await _w.ReadAsync(_w.Learner(1), threadId))["posts"]!["items"]![0]!["id"]!.GetValue<Guid>();

        foreach (var stranger in new[] { _w.Learner(2), _w.Learner(3), _outsider })
        {
            await (await stranger.GetAsync($"/api/v1/threads/{threadId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
            await (await stranger.PostAsJsonAsync($"/api/v1/threads/{threadId}/posts", new { body = "coucou" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
            await (await stranger.PostAsync($"/api/v1/posts/{postId}/reactions/heart", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
            await (await stranger.DeleteAsync($"/api/v1/posts/{postId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        }

        (await _w.ListAsync(_w.Learner(2))).Select(t => t!["id"]!.GetValue<Guid>()).Should().NotContain(threadId);
        (await _w.ListAsync(_w.Learner(1), "?space=Group")).Select(t => t!["id"]!.GetValue<Guid>()).Should().Contain(threadId);
        (await _w.ReadAsync(_w.Trainer, threadId))["thread"]!["groupId"]!.GetValue<Guid>().Should().Be(_w.Alpha);
        (await _w.ReadAsync(_w.Mentor, threadId))["posts"]!["items"]!.AsArray().Should().ContainSingle("a mentor is staff of the cohort");

        // Nobody writes into another group's space, nor into an unknown one.
        await (await _w.Learner(2).PostAsJsonAsync($"/api/v1/cohorts/{_w.CohortId}/threads", new { title = "Intrus", body = "x", groupId = _w.Alpha }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _w.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{_w.CohortId}/threads", new { title = "Inconnu", body = "x", groupId = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        (await _w.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{_w.CohortId}/threads", new { title = "Pour Beta", body = "x", groupId = _w.Beta })).StatusCode.Should().Be(HttpStatusCode.Created);

        // Mentions reach only those who can read the thread.
        var reply = await _w.PostAsync(_w.Learner(0), threadId, new { body = "@Learner 1 et @Learner 2" });
        reply["mentionedUserIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).Should().Equal(_w.LearnerId(1));
    }

    [Test]
    public async Task Outsiders_find_no_forum()
    {
        await (await _outsider.GetAsync($"/api/v1/cohorts/{_w.CohortId}/threads")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _outsider.GetAsync($"/api/v1/cohorts/{_w.CohortId}/forum")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _outsider.PostAsJsonAsync($"/api/v1/cohorts/{_w.CohortId}/threads", new { title = "x", body = "y" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        var threadId = (await _w.ThreadAsync(_w.Learner(0), new { title = "Ouvert", body = "à la cohorte" }))["id"]!.GetValue<Guid>();
        await (await _outsider.GetAsync($"/api/v1/threads/{threadId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _outsider.PatchAsJsonAsync($"/api/v1/threads/{threadId}", new { isLocked = true })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task Staff_announce_to_chosen_groups_whose_learners_are_told_and_cannot_reply()
    {
        await (await _w.Learner(0).PostAsJsonAsync($"/api/v1/cohorts/{_w.CohortId}/threads", new { title = "Annonce", body = "x", announcement = true }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var toAlpha = await _w.ThreadAsync(_w.Trainer, new { title = "Rendu avancé", body = "Pour **Alpha**", announcement = true, groupIds = new[] { _w.Alpha } });
        var threadId = toAlpha["id"]!.GetValue<Guid>();
        toAlpha["isPinned"]!.GetValue<bool>().Should().BeTrue();

        var published = (await _w.EventsAsync("AnnouncementPublished")).Single(e => e["threadId"]!.GetValue<Guid>() == threadId);
        published["recipientIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).Should().BeEquivalentTo([_w.LearnerId(0), _w.LearnerId(1)]);
        (await _w.ListAsync(_w.Learner(2))).Select(t => t!["id"]!.GetValue<Guid>()).Should().NotContain(threadId);
        await (await _w.Learner(2).GetAsync($"/api/v1/threads/{threadId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        var read = await _w.ReadAsync(_w.Learner(0), threadId);
        read["thread"]!["canReply"]!.GetValue<bool>().Should().BeFalse();
        await (await _w.Learner(0).PostAsJsonAsync($"/api/v1/threads/{threadId}/posts", new { body = "Merci" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await _w.Mentor.PostAsJsonAsync($"/api/v1/threads/{threadId}/posts", new { body = "Précision" })).StatusCode.Should().Be(HttpStatusCode.Created);

        var toAll = await _w.ThreadAsync(_w.Trainer, new { title = "À tous", body = "Bienvenue", announcement = true });
        (await _w.EventsAsync("AnnouncementPublished")).Single(e => e["threadId"]!.GetValue<Guid>() == toAll["id"]!.GetValue<Guid>())["recipientIds"]!.AsArray()
            .Should().HaveCount(4, "every learner of the cohort");
        (await _w.ListAsync(_w.Learner(3), "?space=Announcements")).Select(t => t!["id"]!.GetValue<Guid>()).Should().Equal(toAll["id"]!.GetValue<Guid>());
    }

    [Test]
    public async Task Staff_hide_lock_and_pin_and_learners_may_not()
    {
        var threadId = (await _w.ThreadAsync(_w.Learner(0), new { title = "Modération", body = "Début" }))["id"]!.GetValue<Guid>();
        var postId = (await _w.PostAsync(_w.Learner(1), threadId, new { body = "Propos déplacés" }))["id"]!.GetValue<Guid>();

        await (await _w.Learner(0).PostAsJsonAsync($"/api/v1/posts/{postId}/hidden", new { reason = "Non" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _w.Learner(0).PatchAsJsonAsync($"/api/v1/threads/{threadId}", new { isLocked = true })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _w.Trainer.PostAsJsonAsync($"/api/v1/posts/{postId}/hidden", new { reason = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        (await _w.Trainer.PostAsJsonAsync($"/api/v1/posts/{postId}/hidden", new { reason = "Propos hors charte" })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var seenByLearner = (await _w.ReadAsync(_w.Learner(1), threadId))["posts"]!["items"]![1]!;
        seenByLearner["isHidden"]!.GetValue<bool>().Should().BeTrue();
        seenByLearner["hiddenReason"]!.GetValue<string>().Should().Be("Propos hors charte");
        seenByLearner["body"].Should().BeNull();
        seenByLearner["bodyHtml"].Should().BeNull();
        (await _w.ReadAsync(_w.Mentor, threadId))["posts"]!["items"]![1]!["body"]!.GetValue<string>().Should().Be("Propos déplacés");
        (await _w.Trainer.DeleteAsync($"/api/v1/posts/{postId}/hidden")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _w.ReadAsync(_w.Learner(1), threadId))["posts"]!["items"]![1]!["body"]!.GetValue<string>().Should().Be("Propos déplacés");

        var locked = await _w.Mentor.PatchAsJsonAsync($"/api/v1/threads/{threadId}", new { isLocked = true, isPinned = true });
        locked.StatusCode.Should().Be(HttpStatusCode.OK);
        (await locked.ReadJsonAsync())["canReply"]!.GetValue<bool>().Should().BeFalse();
        await (await _w.Learner(0).PostAsJsonAsync($"/api/v1/threads/{threadId}/posts", new { body = "Encore" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "thread-locked");
        await (await _w.Trainer.PostAsJsonAsync($"/api/v1/threads/{threadId}/posts", new { body = "Encore" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "thread-locked");

        await _w.ThreadAsync(_w.Learner(3), new { title = "Plus récent", body = "mais pas épinglé" });
        (await _w.ListAsync(_w.Learner(3), "?space=Cohort"))[0]!["id"]!.GetValue<Guid>().Should().Be(threadId, "pinned threads come first");
    }

    [Test]
    public async Task The_live_hub_asks_whether_someone_may_read_a_thread()
    {
        var threadId = (await _w.ThreadAsync(_w.Learner(2), new { title = "Beta seul", body = "x", groupId = _w.Beta }))["id"]!.GetValue<Guid>();
        await using var scope = _factory.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        (await sender.Send(new CanReadThread(_w.LearnerId(2), threadId))).Should().BeTrue();
        (await sender.Send(new CanReadThread(_w.TrainerId, threadId))).Should().BeTrue();
        (await sender.Send(new CanReadThread(_w.LearnerId(0), threadId))).Should().BeFalse();
        (await sender.Send(new CanReadThread(_outsiderId, threadId))).Should().BeFalse();
        (await sender.Send(new CanReadThread(_w.LearnerId(2), Guid.NewGuid()))).Should().BeFalse();
    }
}
