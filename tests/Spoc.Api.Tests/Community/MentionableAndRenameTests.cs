using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Community;

/// <summary>The editor's @mention suggestions (who can read the space) and renaming a thread.</summary>
public sealed class MentionableAndRenameTests
{
    private SpocApiFactory _factory = null!;
    private ForumWorld _w = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _w = await ForumWorld.CreateAsync(_factory);
        var mentorId = (await (await _w.Mentor.GetAsync("/api/v1/me")).ReadJsonAsync())["id"]!.GetValue<Guid>();
        await _w.RenameAsync(mentorId, "Mentor Mia");
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private async Task<List<string>> SuggestAsync(HttpClient by, string query)
    {
        var response = await by.GetAsync($"/api/v1/cohorts/{_w.CohortId}/forum/mentionable{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(p => p!["displayName"]!.GetValue<string>()).ToList();
    }

    [Test]
    public async Task Suggestions_are_the_people_who_can_read_the_space_matched_by_name()
    {
        (await SuggestAsync(_w.Learner(0), "?q=learn")).Should().Equal("Learner 1", "Learner 2", "Learner 3");
        (await SuggestAsync(_w.Learner(0), "?q=")).Should().Contain(["Trainer Tom", "Mentor Mia", "Learner 2"]).And.NotContain("Learner 0", "the caller is left out");
        (await SuggestAsync(_w.Learner(0), "?q=TOM")).Should().Equal("Trainer Tom");
        (await SuggestAsync(_w.Learner(0), "?q=er")).First().Should().Be("Learner 1", "contains matches too, by name");

        (await SuggestAsync(_w.Learner(0), $"?q=e&groupId={_w.Alpha}")).Should().BeEquivalentTo(["Learner 1", "Trainer Tom", "Mentor Mia"], "a group's space: its learners and the staff");
        (await SuggestAsync(_w.Trainer, $"?groupId={_w.Beta}")).Should().BeEquivalentTo(["Learner 2", "Mentor Mia"], "staff suggest in any group's space");

        await (await _w.Learner(0).GetAsync($"/api/v1/cohorts/{_w.CohortId}/forum/mentionable?groupId={_w.Beta}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _w.Trainer.GetAsync($"/api/v1/cohorts/{_w.CohortId}/forum/mentionable?groupId={Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        var (outsider, _, _) = await _factory.NewUserAsync("outsider");
        await (await outsider.GetAsync($"/api/v1/cohorts/{_w.CohortId}/forum/mentionable?q=l")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task Suggestions_stop_at_ten_and_cost_the_same_statements_whatever_the_cohort()
    {
        _factory.Queries.Reset();
        (await SuggestAsync(_w.Trainer, "?q=")).Should().HaveCountLessThanOrEqualTo(10);
        var few = _factory.Queries.Count;
        var extra = await _w.World.World.LearnersAsync(12);
        (await _w.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{_w.CohortId}/enrolments", new { emails = extra.Select(p => p.Email).ToArray() })).StatusCode.Should().Be(HttpStatusCode.OK);
        for (var i = 0; i < extra.Count; i++)
        {
            await _w.RenameAsync(extra[i].Id, $"Zoé {i:00}");
        }

        _factory.Queries.Reset();
        (await SuggestAsync(_w.Trainer, "?q=zo")).Should().HaveCount(10).And.BeInAscendingOrder();
        _factory.Queries.Count.Should().Be(few);
    }

    private static Task<HttpResponseMessage> RenameAsync(HttpClient by, Guid threadId, string title, string? etag = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/threads/{threadId}") { Content = JsonContent.Create(new { title }) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        }

        return by.SendAsync(request);
    }

    [Test]
    public async Task Its_author_or_staff_rename_a_thread_conditionally_and_nobody_else()
    {
        var created = await _w.Learner(0).PostAsJsonAsync($"/api/v1/cohorts/{_w.CohortId}/threads", new { title = "Titre à revoir", body = "Texte" });
        var threadId = (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();
        var etag = created.Headers.ETag!.ToString();

        var renamed = await RenameAsync(_w.Learner(0), threadId, "<b>Chemin critique</b>", etag);
        renamed.StatusCode.Should().Be(HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync());
        (await renamed.ReadJsonAsync())["title"]!.GetValue<string>().Should().Be("<b>Chemin critique</b>", "a title is plain text");
        await (await RenameAsync(_w.Learner(0), threadId, "Encore", etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");

        await (await RenameAsync(_w.Learner(1), threadId, "Piraté")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await RenameAsync(_w.Learner(2), threadId, "Piraté")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await RenameAsync(_w.Learner(0), threadId, "")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await RenameAsync(_w.Learner(0), threadId, new string('t', 201))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await _w.Learner(0).PatchAsJsonAsync($"/api/v1/threads/{threadId}", new { title = "Épinglé ?", isPinned = true })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        (await RenameAsync(_w.Mentor, threadId, "Chemin critique (résolu)")).StatusCode.Should().Be(HttpStatusCode.OK, "staff rename any thread");
        (await _w.ListAsync(_w.Learner(1), "?pageSize=100")).Single(t => t!["id"]!.GetValue<Guid>() == threadId)!["title"]!.GetValue<string>().Should().Be("Chemin critique (résolu)");

        var group = await _w.ThreadAsync(_w.Learner(0), new { title = "Alpha", body = "Entre nous", groupId = _w.Alpha });
        await (await RenameAsync(_w.Learner(2), group["id"]!.GetValue<Guid>(), "Vu")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
