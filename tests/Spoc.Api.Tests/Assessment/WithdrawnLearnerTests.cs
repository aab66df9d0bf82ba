using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Cohorts.Contracts;

namespace Spoc.Api.Tests.Assessment;

/// <summary>
/// A learner who withdrew leaves every gradebook path (the gradebook, its CSV, the heat map, the contracts), while their past
/// grades stay readable by trainers and org admins through <c>?includeWithdrawn=true</c> (docs/adr/0027).
/// </summary>
[TestFixture]
public sealed class WithdrawnLearnerTests
{
    private SpocApiFactory _factory = null!;
    private AssessmentWorld _world = null!;
    private Guid _handedIn;
    private Guid _untouched;

    private string Cohort => $"/api/v1/cohorts/{_world.CohortId}";

    private Guid Id(int learner) => _world.Learners[learner].Id;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _world = await AssessmentWorld.CreateAsync(_factory, learners: 3);
        _handedIn = (await _world.CreateAsync(AssessmentWorld.TextAssignment("Note de cadrage")))["id"]!.GetValue<Guid>();
        _untouched = (await _world.CreateAsync(AssessmentWorld.TextAssignment("Planning")))["id"]!.GetValue<Guid>();
        foreach (var (learner, score) in new[] { (0, 10m), (1, 15m) })
        {
            var submission = await _world.Learners[learner].Client.PostAsJsonAsync($"/api/v1/assignments/{_handedIn}/submissions", new { text = "Mon travail" });
            var id = (await submission.ReadJsonAsync())["id"]!.GetValue<Guid>();
            (await _world.Trainer.PutAsJsonAsync($"/api/v1/submissions/{id}/grade", new { score, status = "Released" })).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await Ids($"{Cohort}/gradebook")).Should().HaveCount(3, "all three are learners before one withdraws");

        // Learner 1 leaves the cohort, after a released 15 / 20.
        (await _world.Learners[1].Client.DeleteAsync($"{Cohort}/members/{Id(1)}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private async Task<List<Guid>> Ids(string url, HttpClient? by = null) =>
        [.. (await (await (by ?? _world.Trainer).GetAsync(url)).ReadJsonAsync())["items"]!.AsArray().Select(r => r!["userId"]!.GetValue<Guid>())];

    [Test]
    public async Task The_gradebook_its_csv_and_the_heat_map_list_only_the_current_learners()
    {
        (await Ids($"{Cohort}/gradebook")).Should().BeEquivalentTo([Id(0), Id(2)]);
        var book = await (await _world.Trainer.GetAsync($"{Cohort}/gradebook")).ReadJsonAsync();
        book["totalCount"]!.GetValue<int>().Should().Be(2);
        book["items"]!.AsArray().Should().OnlyContain(r => !r!["withdrawn"]!.GetValue<bool>());

        var csv = Encoding.UTF8.GetString(await (await _world.Trainer.GetAsync($"{Cohort}/gradebook.csv")).Content.ReadAsByteArrayAsync());
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(3, "a header and the two current learners");
        csv.Should().NotContain(";75;", "the withdrawn learner's 15 / 20 is not exported");

        (await Ids($"{Cohort}/competencies/heatmap")).Should().BeEquivalentTo([Id(0), Id(2)]);
    }

    [Test]
    public async Task The_contracts_answer_for_the_current_learners_only()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();

        (await sender.Send(new GetFinalGrades(_world.CohortId))).Select(g => g.LearnerId).Should().BeEquivalentTo([Id(0), Id(2)]);
        (await sender.Send(new GetLearnerResults(_world.CohortId, Id(1)))).Should().BeNull("no longer a learner of the cohort");
        (await sender.Send(new GetLearnersWithoutSubmission(_untouched))).Should().BeEquivalentTo([Id(0), Id(2)]);
        (await sender.Send(new GetLearnersWithoutSubmission(_handedIn))).Should().Equal(Id(2));
        (await sender.Send(new GetCohortLearners(_world.CohortId)))!.LearnerIds.Should().BeEquivalentTo([Id(0), Id(2)]);
        (await sender.Send(new GetCohortLearners(_world.CohortId, Id(2))))!.LearnerIds.Should().Equal(Id(2));
        (await sender.Send(new GetCohortLearners(_world.CohortId, Id(1))))!.LearnerIds.Should().BeEmpty("one learner's roster is empty once they withdrew");
    }

    [Test]
    public async Task Staff_still_read_a_withdrawn_learners_past_grades_marked_withdrawn_and_nobody_else_may_ask()
    {
        var book = await (await _world.Trainer.GetAsync($"{Cohort}/gradebook?includeWithdrawn=true")).ReadJsonAsync();
        book["totalCount"]!.GetValue<int>().Should().Be(3);
        var rows = book["items"]!.AsArray().ToDictionary(r => r!["userId"]!.GetValue<Guid>(), r => r!.AsObject());
        rows.Keys.Should().BeEquivalentTo([Id(0), Id(1), Id(2)]);
        rows[Id(1)]["withdrawn"]!.GetValue<bool>().Should().BeTrue();
        rows[Id(1)]["grade"]!.GetValue<decimal>().Should().Be(75m, "15 / 20, their released grade, as it was");
        rows[Id(0)]["withdrawn"]!.GetValue<bool>().Should().BeFalse();
        rows[Id(2)]["withdrawn"]!.GetValue<bool>().Should().BeFalse("no work handed in, but still a learner");

        await (await _world.Mentor.GetAsync($"{Cohort}/gradebook?includeWithdrawn=true")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _world.Learners[0].Client.GetAsync($"{Cohort}/gradebook?includeWithdrawn=true")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await _world.Learners[1].Client.GetAsync($"{Cohort}/gradebook")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a former learner no longer sees inside the cohort");
    }
}
