using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Cohorts.Data;

namespace Spoc.Api.Tests.Cohorts;

/// <summary>Editing project groups: rename, set members (a learner in one group at most), dissolve; all conditional on the group's ETag.</summary>
public sealed class GroupTests
{
    private SpocApiFactory _factory = null!;
    private CohortWorld _world = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _world = await CohortWorld.CreateAsync(_factory);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task A_group_is_renamed_and_a_learner_moves_to_another_group_out_then_in()
    {
        var (cohortId, learners) = await CohortWithLearnersAsync(3);
        var (a, aTag) = await CreateAsync(cohortId, "Groupe A", learners[0].Id, learners[1].Id);
        var (b, bTag) = await CreateAsync(cohortId, "Groupe B", learners[2].Id);

        await (await UpdateAsync(cohortId, b, bTag, "Groupe B", learners[2].Id, learners[1].Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "already-in-group");

        var outOfA = await UpdateAsync(cohortId, a, aTag, "Les éclaireurs", learners[0].Id);
        outOfA.StatusCode.Should().Be(HttpStatusCode.OK, await outOfA.Content.ReadAsStringAsync());
        (await outOfA.ReadJsonAsync())["name"]!.GetValue<string>().Should().Be("Les éclaireurs");
        var intoB = await UpdateAsync(cohortId, b, bTag, "Groupe B", learners[2].Id, learners[1].Id);
        intoB.StatusCode.Should().Be(HttpStatusCode.OK, await intoB.Content.ReadAsStringAsync());

        var groups = await GroupsAsync(cohortId, learners[1].Client);
        MembersOf(groups, a).Should().Equal(learners[0].Id);
        MembersOf(groups, b).Should().BeEquivalentTo([learners[1].Id, learners[2].Id]);
        groups.Single(g => g!["id"]!.GetValue<Guid>() == a)!["name"]!.GetValue<string>().Should().Be("Les éclaireurs");
        (await EventsAsync(cohortId)).Count(e => e.Contains("GroupChanged")).Should().Be(4, "two creations and two edits");

        await (await UpdateAsync(cohortId, a, null, "Intrus", _world.TrainerId)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Test]
    public async Task A_stale_If_Match_is_412_for_an_update_and_a_deletion_and_a_dissolved_group_leaves_its_members_ungrouped()
    {
        var (cohortId, learners) = await CohortWithLearnersAsync(2);
        var (group, read) = await CreateAsync(cohortId, "Groupe", learners[0].Id, learners[1].Id);

        var renamed = await UpdateAsync(cohortId, group, read, "Groupe renommé", learners[0].Id, learners[1].Id);
        renamed.StatusCode.Should().Be(HttpStatusCode.OK);
        var written = renamed.Headers.ETag!.Tag;
        written[..33].Should().NotBe(read[..33]);
        (await renamed.ReadJsonAsync())["etag"]!.GetValue<string>().Should().Be(written[..33] + "\"", "the body carries the version If-Match expects");

        await (await UpdateAsync(cohortId, group, read, "Trop tard", learners[0].Id)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        await (await DeleteAsync(cohortId, group, read)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        (await DeleteAsync(cohortId, group, written)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await GroupsAsync(cohortId, _world.Trainer)).Should().BeEmpty();
        var roster = (await (await _world.Trainer.GetAsync($"/api/v1/cohorts/{cohortId}/members?role=Learner")).ReadJsonAsync())["items"]!.AsArray();
        roster.Should().HaveCount(2).And.OnlyContain(m => m!["groupId"] == null);
        (await EventsAsync(cohortId)).Should().ContainSingle(e => e.Contains("GroupDeleted"));
        await (await DeleteAsync(cohortId, group, written)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        (await CreateAsync(cohortId, "Nouveau départ", learners[0].Id)).Id.Should().NotBeEmpty("a dissolved group's members may join another");
    }

    [Test]
    public async Task Two_editors_with_the_same_tag_get_one_success_and_one_412()
    {
        var (cohortId, learners) = await CohortWithLearnersAsync(1);
        var (group, tag) = await CreateAsync(cohortId, "Groupe");

        var responses = await Task.WhenAll(UpdateAsync(cohortId, group, tag, "Premier"), UpdateAsync(cohortId, group, tag, "Second", learners[0].Id));

        var bodies = string.Join("\n", await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync())));
        responses.Count(r => r.IsSuccessStatusCode).Should().Be(1, bodies);
        await responses.Single(r => !r.IsSuccessStatusCode).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
    }

    [Test]
    public async Task Learners_may_not_edit_groups_and_outsiders_or_other_cohorts_find_nothing()
    {
        var (cohortId, learners) = await CohortWithLearnersAsync(1);
        var (group, tag) = await CreateAsync(cohortId, "Groupe", learners[0].Id);
        var outsider = (await _factory.NewUserAsync("outsider")).Client;

        await (await UpdateAsync(cohortId, group, tag, "Pris", by: learners[0].Client)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await DeleteAsync(cohortId, group, tag, learners[0].Client)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await UpdateAsync(cohortId, group, tag, "Pris", by: outsider)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await DeleteAsync(cohortId, group, tag, outsider)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        var otherCohort = await _world.CohortAsync();
        await (await UpdateAsync(otherCohort, group, tag, "Ailleurs")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await DeleteAsync(otherCohort, group, tag)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        MembersOf(await GroupsAsync(cohortId, _world.Trainer), group).Should().Equal(learners[0].Id);
    }

    private async Task<(Guid CohortId, List<(HttpClient Client, Guid Id)> Learners)> CohortWithLearnersAsync(int count)
    {
        var cohortId = await _world.CohortAsync(capacity: count);
        var learners = new List<(HttpClient Client, Guid Id)>();
        for (var i = 0; i < count; i++)
        {
            var (client, id, _) = await _world.LearnerAsync();
            (await _world.DecideAsync(cohortId, await CohortWorld.ApplyAsync(client, cohortId), "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);
            learners.Add((client, id));
        }

        return (cohortId, learners);
    }

    private async Task<(Guid Id, string ETag)> CreateAsync(Guid cohortId, string name, params Guid[] memberIds)
    {
        var created = await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/groups", new { name, memberIds });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return ((await created.ReadJsonAsync())["id"]!.GetValue<Guid>(), created.Headers.ETag!.Tag);
    }

    private Task<HttpResponseMessage> UpdateAsync(Guid cohortId, Guid groupId, string? ifMatch, string name, params Guid[] memberIds) =>
        UpdateAsync(cohortId, groupId, ifMatch, name, _world.Trainer, memberIds);

    private static Task<HttpResponseMessage> UpdateAsync(Guid cohortId, Guid groupId, string? ifMatch, string name, HttpClient by, params Guid[] memberIds) =>
        Send(by, HttpMethod.Put, $"/api/v1/cohorts/{cohortId}/groups/{groupId}", ifMatch, new { name, memberIds });

    private Task<HttpResponseMessage> DeleteAsync(Guid cohortId, Guid groupId, string ifMatch, HttpClient? by = null) =>
        Send(by ?? _world.Trainer, HttpMethod.Delete, $"/api/v1/cohorts/{cohortId}/groups/{groupId}", ifMatch, null);

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, string? ifMatch, object? body)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    private static async Task<JsonArray> GroupsAsync(Guid cohortId, HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync($"/api/v1/cohorts/{cohortId}/groups"))!.AsArray();

    private static IEnumerable<Guid> MembersOf(JsonArray groups, Guid groupId) =>
        groups.Single(g => g!["id"]!.GetValue<Guid>() == groupId)!["members"]!.AsArray().Select(m => m!["userId"]!.GetValue<Guid>());

    private async Task<List<string>> EventsAsync(Guid cohortId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CohortsDbContext>().OutboxMessages
            .Where(m => m.Payload.Contains(cohortId.ToString())).Select(m => m.Type).ToListAsync();
    }
}
