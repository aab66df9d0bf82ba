using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Assessment.Features.Competencies;

namespace Spoc.Api.Tests.Assessment;

/// <summary>
/// Competency mastery, computed by hand. Learner 0 (the mentor's) hands in A1 then A2; learner 1 hands in A1; learner 2 nothing.
/// A1: Planification (C1, 0/2/4), Communication (C2, 0/1/2/3), Forme (0/3). A2: Risques (C1, 0/2/4), Budget (C1, 0/3/6), Oral (C2, 0/1/2/3).
/// Learner 0: A1 C1 2/4 = 50 %, C2 3/3 = 100 %; A2 C1 (4 + 3)/(4 + 6) = 70 %, C2 1/3 = 33.33 %; a draft on A3 (C1 0/4) does not count.
/// Learner 1: A1 C1 4/4 = 100 %, C2 0/3 = 0 %.
/// </summary>
public sealed class CompetencyTests
{
    private SpocApiFactory _factory = null!;
    private AssessmentWorld _world = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory { Clock = new FakeTimeProvider(DateTimeOffset.UtcNow) };
        _world = await AssessmentWorld.CreateAsync(_factory, learners: 3);
        await _world.WithTwoCompetenciesAsync();
        var a1 = await _world.CreateAsync(AssessmentWorld.RubricAssignment(10m,
            AssessmentWorld.Criterion("Planification", "C1", 0m, 2m, 4m), AssessmentWorld.Criterion("Communication", "C2", 0m, 1m, 2m, 3m), AssessmentWorld.Criterion("Forme", null, 0m, 3m)));
        var a2 = await _world.CreateAsync(AssessmentWorld.RubricAssignment(13m,
            AssessmentWorld.Criterion("Risques", "C1", 0m, 2m, 4m), AssessmentWorld.Criterion("Budget", "C1", 0m, 3m, 6m), AssessmentWorld.Criterion("Oral", "C2", 0m, 1m, 2m, 3m)));
        var a3 = await _world.CreateAsync(AssessmentWorld.RubricAssignment(4m, AssessmentWorld.Criterion("Planification", "C1", 0m, 2m, 4m)));

        await GradeAsync(0, a1, "Released", (0, 1), (1, 3), (2, 1));
        await GradeAsync(1, a1, "Released", (0, 2), (1, 0), (2, 0));
        await GradeAsync(0, a2, "Released", (0, 2), (1, 1), (2, 1));
        await GradeAsync(0, a3, "Draft", (0, 0));
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private async Task GradeAsync(int learner, JsonObject assignment, string status, params (int Criterion, int Level)[] levels)
    {
        _factory.Clock!.Advance(TimeSpan.FromSeconds(1)); // each piece of work is handed in after the one before
        var submitted = await _world.Learners[learner].Client.PostAsJsonAsync($"/api/v1/assignments/{assignment["id"]}/submissions", new { text = "Mon travail" });
        submitted.StatusCode.Should().Be(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var scores = levels.Select(l => AssessmentWorld.Pick(assignment, l.Criterion, l.Level)).Select(p => new { criterionId = p.CriterionId, levelId = p.LevelId }).ToArray();
        var graded = await _world.Trainer.PutAsJsonAsync($"/api/v1/submissions/{(await submitted.ReadJsonAsync())["id"]}/grade", new { status, rubricScores = scores });
        graded.StatusCode.Should().Be(HttpStatusCode.OK, await graded.Content.ReadAsStringAsync());
    }

    private string Competencies(int learner) => $"/api/v1/cohorts/{_world.CohortId}/members/{_world.Learners[learner].Id}/competencies";

    private string Heatmap => $"/api/v1/cohorts/{_world.CohortId}/competencies/heatmap";

    private static decimal? Number(JsonNode? node) => node?.GetValue<decimal>();

    [Test]
    public async Task A_learners_mastery_is_latest_average_trend_and_series_from_released_rubric_criteria()
    {
        var response = await _world.Learners[0].Client.GetAsync(Competencies(0));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var competencies = (await response.ReadJsonAsync())["competencies"]!.AsArray();
        competencies.Select(c => (c!["code"]!.GetValue<string>(), c["title"]!.GetValue<string>())).Should().Equal(("C1", "Planifier"), ("C2", "Communiquer"));

        var c1 = competencies[0]!;
        c1["series"]!.AsArray().Select(p => p!["percent"]!.GetValue<decimal>()).Should().Equal(50m, 70m);
        (Number(c1["latest"]), Number(c1["average"]), Number(c1["trend"])).Should().Be((70m, 60m, 20m));
        var c2 = competencies[1]!;
        c2["series"]!.AsArray().Select(p => p!["percent"]!.GetValue<decimal>()).Should().Equal(100m, 33.33m);
        (Number(c2["latest"]), Number(c2["average"]), Number(c2["trend"])).Should().Be((33.33m, 66.67m, -66.67m));
        c2["series"]![0]!["at"]!.GetValue<DateTimeOffset>().Should().BeBefore(c2["series"]![1]!["at"]!.GetValue<DateTimeOffset>());

        var other = (await (await _world.Trainer.GetAsync(Competencies(1))).ReadJsonAsync())["competencies"]!.AsArray();
        (Number(other[0]!["latest"]), Number(other[0]!["average"]), Number(other[0]!["trend"])).Should().Be((100m, 100m, null));
        Number(other[1]!["latest"]).Should().Be(0m);

        var none = (await (await _world.Trainer.GetAsync(Competencies(2))).ReadJsonAsync())["competencies"]!.AsArray();
        none.Should().AllSatisfy(c => (c!["latest"], c["average"], c["trend"]).Should().Be((null, null, null)));
        none.Should().AllSatisfy(c => c!["series"]!.AsArray().Should().BeEmpty());
    }

    [Test]
    public async Task The_learner_their_mentor_and_staff_read_a_learners_mastery_and_everyone_else_gets_404()
    {
        (await _world.Mentor.GetAsync(Competencies(0))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _world.World.Admin.GetAsync(Competencies(1))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _world.Learners[1].Client.GetAsync(Competencies(1))).StatusCode.Should().Be(HttpStatusCode.OK);

        await (await _world.Learners[1].Client.GetAsync(Competencies(0))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _world.Mentor.GetAsync(Competencies(1))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await (await _factory.NewUserAsync("outsider")).Client.GetAsync(Competencies(0))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _world.Trainer.GetAsync($"/api/v1/cohorts/{_world.CohortId}/members/{_world.World.TrainerId}/competencies"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task The_heat_map_shows_each_learners_latest_mastery_to_staff_and_a_mentor_their_own_learners()
    {
        var map = await (await _world.Trainer.GetAsync(Heatmap)).ReadJsonAsync();
        map["competencies"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).Should().Equal("C1", "C2");
        map["totalCount"]!.GetValue<int>().Should().Be(3);
        var rows = map["items"]!.AsArray().ToDictionary(r => r!["userId"]!.GetValue<Guid>(), r => r!["latest"]!.AsObject());
        rows[_world.Learners[0].Id].Select(c => (c.Key, c.Value!.GetValue<decimal>())).Should().Equal(("C1", 70m), ("C2", 33.33m));
        rows[_world.Learners[1].Id].Select(c => (c.Key, c.Value!.GetValue<decimal>())).Should().Equal(("C1", 100m), ("C2", 0m));
        rows[_world.Learners[2].Id].Should().BeEmpty();

        // Learners enrolled together tie on the roster's order and fall back to their ids: read both pages, not a position.
        async Task<List<Guid>> PageAsync(int page) => (await (await _world.Trainer.GetAsync($"{Heatmap}?page={page}&pageSize=2")).ReadJsonAsync())["items"]!
            .AsArray().Select(r => r!["userId"]!.GetValue<Guid>()).ToList();
        var (first, second) = (await PageAsync(1), await PageAsync(2));
        (first.Count, second.Count).Should().Be((2, 1));
        first.Concat(second).Should().BeEquivalentTo(_world.Learners.Select(l => l.Id));

        var mentors = await (await _world.Mentor.GetAsync(Heatmap)).ReadJsonAsync();
        mentors["items"]!.AsArray().Select(r => r!["userId"]!.GetValue<Guid>()).Should().Equal(_world.Learners[0].Id);
        mentors["totalCount"]!.GetValue<int>().Should().Be(1);

        await (await _world.Learners[0].Client.GetAsync(Heatmap)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await (await _factory.NewUserAsync("outsider")).Client.GetAsync(Heatmap)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    /// <summary>The same statements for 3 learners with a few grades as for 60 learners × 8 rubric-graded assignments.</summary>
    [Test]
    public async Task The_heat_map_and_a_learners_mastery_run_the_same_number_of_statements_at_two_sizes()
    {
        var large = await AssessmentWorld.CreateAsync(_factory, learners: 60);
        await large.WithTwoCompetenciesAsync();
        await SeedReleasedGradesAsync(large, assignments: 8);

        async Task<int> StatementsAsync(HttpClient caller, string route)
        {
            _factory.Queries.Reset();
            var response = await caller.GetAsync(route);
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return _factory.Queries.Count;
        }

        var largeMap = await (await large.Trainer.GetAsync($"/api/v1/cohorts/{large.CohortId}/competencies/heatmap?pageSize=100")).ReadJsonAsync();
        largeMap["items"]!.AsArray().Should().HaveCount(60).And.AllSatisfy(r => r!["latest"]!.AsObject().Should().HaveCount(2));

        // The map's cell is the learner's own latest point, ties in hand-in time included.
        foreach (var row in largeMap["items"]!.AsArray().Take(6))
        {
            var own = (await (await large.Trainer.GetAsync($"/api/v1/cohorts/{large.CohortId}/members/{row!["userId"]}/competencies")).ReadJsonAsync())["competencies"]!.AsArray();
            own.Select(c => (c!["code"]!.GetValue<string>(), c["latest"]!.GetValue<decimal>()))
                .Should().BeEquivalentTo(row["latest"]!.AsObject().Select(p => (p.Key, p.Value!.GetValue<decimal>())));
        }

        // What the map reads: one grade per learner and competency at most (here one grade gives both), not one per assignment.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssessmentDbContext>();
            var ids = large.Learners.Select(l => l.Id).ToList();
            var latest = await db.LatestEvidenceAsync(large.CohortId, ids, CancellationToken.None);
            ids.Should().AllSatisfy(id => latest[id].Should().ContainSingle());
            (await db.EvidenceAsync(large.CohortId, ids, CancellationToken.None))[ids[0]].Should().HaveCount(8, "what it read before: every graded assignment");
        }

        (await StatementsAsync(large.Trainer, $"/api/v1/cohorts/{large.CohortId}/competencies/heatmap?pageSize=100"))
            .Should().Be(await StatementsAsync(_world.Trainer, $"{Heatmap}?pageSize=100"));
        (await StatementsAsync(large.Mentor, $"/api/v1/cohorts/{large.CohortId}/competencies/heatmap"))
            .Should().Be(await StatementsAsync(_world.Mentor, Heatmap));
        (await StatementsAsync(large.Trainer, $"/api/v1/cohorts/{large.CohortId}/members/{large.Learners[5].Id}/competencies"))
            .Should().Be(await StatementsAsync(_world.Trainer, Competencies(0)));
    }

    /// <summary>Each learner, each of <paramref name="assignments"/> rubric assignments: a released grade, written straight to the database.</summary>
    private async Task SeedReleasedGradesAsync(AssessmentWorld world, int assignments)
    {
        var created = new List<JsonObject>();
        for (var i = 0; i < assignments; i++)
        {
            created.Add(await world.CreateAsync(AssessmentWorld.RubricAssignment(7m, AssessmentWorld.Criterion("Plan", "C1", 0m, 2m, 4m), AssessmentWorld.Criterion("Oral", "C2", 0m, 3m))));
        }

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssessmentDbContext>();
        var now = DateTimeOffset.UtcNow;
        foreach (var (learner, i) in world.Learners.Select((l, i) => (l, i)))
        {
            foreach (var (assignment, k) in created.Select((a, k) => (a, k)))
            {
                // Handed in two by two at the same time (ties), the levels varying with the learner and the assignment.
                var submission = new Submission
                {
                    AssignmentId = assignment["id"]!.GetValue<Guid>(), CohortId = world.CohortId, AuthorId = learner.Id, Attempt = 1, SubmittedAt = now.AddHours(k / 2), DueAt = now,
                    TextMarkdown = "Travail",
                };
                var (c1, c2) = ((i + k) % 3, (i + k) % 2);
                var scores = new (int Criterion, int Level, decimal Points, decimal Max, string Code)[] { (0, c1, 2m * c1, 4m, "C1"), (1, c2, 3m * c2, 3m, "C2") }
                    .Select(s => (s, Pick: AssessmentWorld.Pick(assignment, s.Criterion, s.Level)))
                    .Select(x => new RubricScore(x.Pick.CriterionId, x.Pick.LevelId, "c", "l", x.s.Points, x.s.Max, x.s.Code, null, null)).ToList();
                db.Submissions.Add(submission);
                db.Grades.Add(new Grade
                {
                    SubmissionId = submission.Id, AssignmentId = submission.AssignmentId, CohortId = world.CohortId, AuthorId = learner.Id, Score = scores.Sum(s => s.Points),
                    Status = GradeStatus.Released, RubricScores = scores, GradedBy = world.World.TrainerId, GradedAt = now,
                });
            }
        }

        await db.SaveChangesAsync();
    }
}
