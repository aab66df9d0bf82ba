using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Assessment;

/// <summary>
/// A group project in the learners' own list (GET /me/assignments): a group's hand-in is each member's attempt (ADR 0022), so the
/// web app's assignment page finds it there (the attempt, who handed it in, the grade) and "à rendre" drops it for the whole group.
/// </summary>
public sealed class GroupProjectHomeTests
{
    private SpocApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new SpocApiFactory();

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private static async Task<JsonObject?> StateAsync(HttpClient by, AssessmentWorld world, Guid assignmentId)
    {
        var page = await (await by.GetAsync($"/api/v1/me/assignments?cohortId={world.CohortId}")).ReadJsonAsync();
        return page["items"]!.AsArray().SingleOrDefault(i => i!["assignmentId"]!.GetValue<Guid>() == assignmentId)?.AsObject();
    }

    [Test]
    public async Task A_group_project_is_to_do_until_one_member_hands_it_in_then_each_member_finds_the_attempt()
    {
        var world = await AssessmentWorld.CreateAsync(_factory, learners: 3);
        var group = await world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{world.CohortId}/groups", new { name = "Alpha", memberIds = new[] { world.Learners[0].Id, world.Learners[1].Id } });
        group.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = AssessmentWorld.TextAssignment("Projet de groupe");
        body["kind"] = "GroupProject";
        var projectId = (await world.CreateAsync(body))["id"]!.GetValue<Guid>();

        var before = await StateAsync(world.Learners[1].Client, world, projectId);
        before.Should().NotBeNull("a group project is the learner's work too");
        before!["isToDo"]!.GetValue<bool>().Should().BeTrue();
        before["attempts"]!.GetValue<int>().Should().Be(0);

        var handedIn = await world.Learners[0].Client.PostAsJsonAsync($"/api/v1/assignments/{projectId}/submissions", new { text = "Notre rapport" });
        handedIn.StatusCode.Should().Be(HttpStatusCode.Created);

        var partner = (await StateAsync(world.Learners[1].Client, world, projectId))!;
        partner["attempts"]!.GetValue<int>().Should().Be(1);
        partner["isToDo"]!.GetValue<bool>().Should().BeFalse();
        var copy = await (await world.Learners[1].Client.GetAsync($"/api/v1/submissions/{partner["lastSubmissionId"]!.GetValue<Guid>()}")).ReadJsonAsync();
        copy["handedInBy"]!.GetValue<Guid>().Should().Be(world.Learners[0].Id);
        (await StateAsync(world.Learners[2].Client, world, projectId))!["isToDo"]!.GetValue<bool>().Should().BeTrue("learner 2 is in no group");
    }
}
