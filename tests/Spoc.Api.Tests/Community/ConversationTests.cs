using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Assessment;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;

namespace Spoc.Api.Tests.Community;

/// <summary>A learner's private conversation with their follow-up: the learner, the cohort's trainers and their own mentor, nobody else.</summary>
public sealed class ConversationTests
{
    private SpocApiFactory _factory = null!;
    private AssessmentWorld _world = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _world = await AssessmentWorld.CreateAsync(_factory, learners: 3);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private string Cohort => $"/api/v1/cohorts/{_world.CohortId}";

    private static async Task<JsonObject> OpenAsync(HttpClient client, string cohort, Guid? learnerId, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync($"{cohort}/conversations", new { learnerId });
        response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static async Task<JsonObject> SendAsync(HttpClient client, Guid conversationId, string body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { body });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    [Test]
    public async Task Each_message_is_announced_to_the_follow_up_with_who_wrote_it()
    {
        var learner = _world.Learners[2];
        var id = (await (await _world.Trainer.PostAsJsonAsync($"{Cohort}/conversations", new { learnerId = learner.Id })).ReadJsonAsync())["id"]!.GetValue<Guid>(); // another test may have opened it
        var fromStaff = (await SendAsync(_world.Trainer, id, "Où en êtes-vous ?"))["id"]!.GetValue<Guid>();
        var fromLearner = (await SendAsync(learner.Client, id, "J'avance."))["id"]!.GetValue<Guid>();

        await using var scope = _factory.Services.CreateAsyncScope();
        var sent = (await scope.ServiceProvider.GetRequiredService<CommunityDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.Type.Contains(nameof(ConversationMessageSent))).Select(m => m.Payload).ToListAsync())
            .Select(p => JsonNode.Parse(p)!.AsObject()).Where(e => e["conversationId"]!.GetValue<Guid>() == id && e["messageId"]!.GetValue<Guid>() is var m && (m == fromStaff || m == fromLearner))
            .Select(e => (e["messageId"]!.GetValue<Guid>(), e["authorId"]!.GetValue<Guid>(), e["byStaff"]!.GetValue<bool>(), e["learnerId"]!.GetValue<Guid>(), e["cohortId"]!.GetValue<Guid>()));
        sent.Should().BeEquivalentTo([(fromStaff, _world.World.TrainerId, true, learner.Id, _world.CohortId), (fromLearner, learner.Id, false, learner.Id, _world.CohortId)]);
    }

    [Test]
    public async Task A_learner_and_their_mentor_talk_privately_and_each_side_is_notified()
    {
        var learner = _world.Learners[0];
        var opened = await OpenAsync(learner.Client, Cohort, null, HttpStatusCode.Created);
        var id = opened["id"]!.GetValue<Guid>();
        (await OpenAsync(learner.Client, Cohort, null, HttpStatusCode.OK))["id"]!.GetValue<Guid>().Should().Be(id, "one conversation per learner and cohort");
        (await OpenAsync(_world.Mentor, Cohort, learner.Id, HttpStatusCode.OK))["id"]!.GetValue<Guid>().Should().Be(id);

        var mentorUnread = await _world.Mentor.UnreadAsync();
        var sent = await SendAsync(learner.Client, id, "Bonjour, **une question** <script>alert(1)</script><img src=x onerror=alert(2)>");
        sent["bodyHtml"]!.GetValue<string>().Should().Contain("<strong>une question</strong>").And.NotContain("<script").And.NotContain("<img");
        sent["mine"]!.GetValue<bool>().Should().BeTrue();

        (await _world.Mentor.UnreadAsync()).Should().Be(mentorUnread + 1, "the learner's mentor is told");
        var notice = (await _world.Mentor.FeedAsync())[0]!;
        notice["kind"]!.GetValue<string>().Should().Be("Message");
        notice["link"]!.GetValue<string>().Should().Be($"/conversations/{id}");

        var list = (await (await _world.Mentor.GetAsync($"{Cohort}/conversations")).ReadJsonAsync())["items"]!.AsArray();
        var row = list.Single(c => c!["id"]!.GetValue<Guid>() == id)!;
        row["unreadCount"]!.GetValue<int>().Should().Be(1);
        row["lastMessage"]!.GetValue<string>().Should().StartWith("Bonjour");

        (await _world.Mentor.PostAsync($"/api/v1/conversations/{id}/read", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _world.Mentor.PostAsync($"/api/v1/conversations/{id}/read", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await (await _world.Mentor.GetAsync($"/api/v1/conversations/{id}")).ReadJsonAsync())["unreadCount"]!.GetValue<int>().Should().Be(0);
        (await _world.Mentor.UnreadAsync()).Should().Be(mentorUnread, "reading the conversation reads its notifications");

        await SendAsync(_world.Mentor, id, "Bien sûr, je vous écoute.");
        (await (await learner.Client.GetAsync($"/api/v1/conversations/{id}")).ReadJsonAsync())["unreadCount"]!.GetValue<int>().Should().Be(1);
        (await learner.Client.FeedAsync())[0]!["kind"]!.GetValue<string>().Should().Be("Message");

        var messages = (await (await learner.Client.GetAsync($"/api/v1/conversations/{id}/messages")).ReadJsonAsync())["items"]!.AsArray();
        messages.Select(m => m!["body"]!.GetValue<string>()).Should().Equal("Bien sûr, je vous écoute.", sent["body"]!.GetValue<string>());
        messages[0]!["mine"]!.GetValue<bool>().Should().BeFalse();
        messages[0]!["authorName"]!.GetValue<string>().Should().Be("mentor");

        // The cohort's trainer follows every learner up and reads it too.
        (await _world.Trainer.GetAsync($"/api/v1/conversations/{id}/messages")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Nobody_else_reads_or_writes_it()
    {
        var learner = _world.Learners[0];
        var id = (await OpenAsync(learner.Client, Cohort, null, await StatusOfOpenAsync(learner.Client)))["id"]!.GetValue<Guid>();
        var (otherMentor, otherMentorId, otherMentorEmail) = await _factory.NewUserAsync("mentor");
        await _world.World.Admin.AddMemberAsync(_world.World.OrganizationId, otherMentorEmail, "Mentor");
        (await _world.Trainer.PostAsJsonAsync($"{Cohort}/members", new { email = otherMentorEmail, role = "Mentor" })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await _world.Trainer.PutAsJsonAsync($"{Cohort}/members/{_world.Learners[1].Id}/mentor", new { mentorId = otherMentorId })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var outsider = (await _factory.NewUserAsync("outsider")).Client;

        foreach (var stranger in new[] { _world.Learners[1].Client, otherMentor, _world.World.Admin, outsider })
        {
            await (await stranger.GetAsync($"/api/v1/conversations/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
            await (await stranger.GetAsync($"/api/v1/conversations/{id}/messages")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
            await (await stranger.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = "Intrus" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
            await (await stranger.PostAsync($"/api/v1/conversations/{id}/read", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        }

        // Lists: a mentor sees their own learners' only, a learner their own, staff without a follow-up role 403.
        var mine = await OpenAsync(_world.Learners[1].Client, Cohort, null, await StatusOfOpenAsync(_world.Learners[1].Client));
        async Task<IEnumerable<Guid>> ListedFor(HttpClient client) =>
            (await (await client.GetAsync($"{Cohort}/conversations")).ReadJsonAsync())["items"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>());
        (await ListedFor(_world.Mentor)).Should().Equal(id);
        (await ListedFor(otherMentor)).Should().Equal(mine["id"]!.GetValue<Guid>());
        (await ListedFor(_world.Learners[1].Client)).Should().Equal(mine["id"]!.GetValue<Guid>());
        (await ListedFor(_world.Trainer)).Should().Contain([id, mine["id"]!.GetValue<Guid>()]);
        await (await _world.World.Admin.GetAsync($"{Cohort}/conversations")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await outsider.GetAsync($"{Cohort}/conversations")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        // Nor may one open someone else's.
        await (await _world.Mentor.PostAsJsonAsync($"{Cohort}/conversations", new { learnerId = _world.Learners[1].Id })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _world.Learners[1].Client.PostAsJsonAsync($"{Cohort}/conversations", new { learnerId = learner.Id })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _world.Trainer.PostAsJsonAsync($"{Cohort}/conversations", new { learnerId = otherMentorId })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task A_learner_without_a_mentor_reaches_the_trainers()
    {
        var learner = _world.Learners[2];
        var id = (await OpenAsync(learner.Client, Cohort, null, HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var before = await _world.Trainer.UnreadAsync();
        await SendAsync(learner.Client, id, "Qui suit mon parcours ?");
        (await _world.Trainer.UnreadAsync()).Should().Be(before + 1);
        await (await learner.Client.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { body = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    private async Task<HttpStatusCode> StatusOfOpenAsync(HttpClient client) =>
        (await (await client.GetAsync($"{Cohort}/conversations")).ReadJsonAsync())["totalCount"]!.GetValue<int>() == 0 ? HttpStatusCode.Created : HttpStatusCode.OK;
}
