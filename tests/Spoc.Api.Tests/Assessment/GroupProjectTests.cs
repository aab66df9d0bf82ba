using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Assessment;

/// <summary>
/// Group "Alpha" holds learners 0 (the mentor's) and 1, who is 3 days behind on pacing; "Beta" holds learner 2;
/// learner 3 is in no group. A group project is handed in once per group and graded once, with adjustments.
/// </summary>
public sealed class GroupProjectTests
{
    private SpocApiFactory _factory = null!;
    private AssessmentWorld _world = null!;
    private Guid _alpha;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _world = await AssessmentWorld.CreateAsync(_factory, learners: 4);
        _alpha = await GroupAsync("Alpha", 0, 1);
        await GroupAsync("Beta", 2);
        var pacing = await _world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{_world.CohortId}/members/{_world.Learners[1].Id}/pacing", new { shifts = new[] { new { days = 3 } } });
        pacing.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private async Task<Guid> GroupAsync(string name, params int[] learners)
    {
        var response = await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{_world.CohortId}/groups", new { name, memberIds = learners.Select(i => _world.Learners[i].Id).ToArray() });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    private async Task<Guid> ProjectAsync(Action<Dictionary<string, object?>>? change = null)
    {
        var body = AssessmentWorld.TextAssignment("Projet de groupe");
        body["kind"] = "GroupProject";
        body["allowResubmission"] = false;
        change?.Invoke(body);
        return (await _world.CreateAsync(body))["id"]!.GetValue<Guid>();
    }

    private Task<HttpResponseMessage> SubmitAsync(int learner, Guid assignmentId, object body) =>
        _world.Learners[learner].Client.PostAsJsonAsync($"/api/v1/assignments/{assignmentId}/submissions", body);

    private async Task<JsonObject> SubmittedAsync(int learner, Guid assignmentId, object body)
    {
        var response = await SubmitAsync(learner, assignmentId, body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    /// <summary>Every attempt of the assignment, as the trainer lists them: one row per learner.</summary>
    private async Task<List<JsonObject>> RowsAsync(Guid assignmentId) =>
        (await (await _world.Trainer.GetAsync($"/api/v1/assignments/{assignmentId}/submissions")).ReadJsonAsync())["items"]!.AsArray().Select(x => x!.AsObject()).ToList();

    private Guid RowOf(IEnumerable<JsonObject> rows, int learner) =>
        rows.Single(r => r["authorId"]!.GetValue<Guid>() == _world.Learners[learner].Id)["id"]!.GetValue<Guid>();

    private static async Task<JsonObject> SubmissionAsync(HttpClient by, Guid submissionId)
    {
        var response = await by.GetAsync($"/api/v1/submissions/{submissionId}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    [Test]
    public async Task One_hand_in_is_every_group_members_attempt_and_nobody_elses()
    {
        var project = await ProjectAsync();

        var mine = await SubmittedAsync(0, project, new { text = "Notre **rapport**" });

        mine["groupId"]!.GetValue<Guid>().Should().Be(_alpha);
        mine["attempt"]!.GetValue<int>().Should().Be(1);
        var rows = await RowsAsync(project);
        rows.Select(r => r["authorId"]!.GetValue<Guid>()).Should().BeEquivalentTo([_world.Learners[0].Id, _world.Learners[1].Id]);
        var partners = await SubmissionAsync(_world.Learners[1].Client, RowOf(rows, 1));
        (partners["handedInBy"]!.GetValue<Guid>(), partners["textHtml"]!.GetValue<string>()).Should().Be((_world.Learners[0].Id, mine["textHtml"]!.GetValue<string>()));

        (await _world.Learners[2].Client.GetAsync($"/api/v1/submissions/{RowOf(rows, 1)}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "another group's work");
        await (await SubmitAsync(1, project, new { text = "Encore" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "resubmission-not-allowed"); // the group handed it in
        (await SubmitAsync(2, project, new { text = "Le nôtre" })).StatusCode.Should().Be(HttpStatusCode.Created, "Beta hands in its own");
    }

    [Test]
    public async Task A_learner_in_no_group_is_told_so_and_answers_are_refused()
    {
        var project = await ProjectAsync();

        await (await SubmitAsync(3, project, new { text = "Seul" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "not-in-a-group");
        await (await SubmitAsync(0, project, new { answers = Array.Empty<object>() })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Test]
    public async Task Each_member_is_late_against_their_own_due_date()
    {
        var project = await ProjectAsync(b => (b["releaseAt"], b["dueAt"], b["latePolicy"], b["latePenaltyPercentPerDay"]) = (DateTimeOffset.UtcNow.AddDays(-5), DateTimeOffset.UtcNow.AddHours(-30), "PenaltyPerDay", 10));

        await SubmittedAsync(1, project, new { text = "En retard pour l'un" });

        var rows = await RowsAsync(project);
        var (first, second) = (rows.Single(r => r["id"]!.GetValue<Guid>() == RowOf(rows, 0)), rows.Single(r => r["id"]!.GetValue<Guid>() == RowOf(rows, 1)));
        (first["isLate"]!.GetValue<bool>(), first["daysLate"]!.GetValue<int>(), first["penaltyPercent"]!.GetValue<int>()).Should().Be((true, 2, 20));
        (second["isLate"]!.GetValue<bool>(), second["penaltyPercent"]!.GetValue<int>()).Should().Be((false, 0), "3 days of pacing shift");
    }

    [Test]
    public async Task The_group_is_graded_once_with_an_adjustment_and_each_learner_sees_their_own_score()
    {
        var project = await ProjectAsync();
        await SubmittedAsync(0, project, new { text = "Rapport" });
        var rows = await RowsAsync(project);

        var graded = await AssessmentWorld.GradeAsync(_world.Trainer, RowOf(rows, 1), new
        {
            score = 15, feedback = "Bon travail d'équipe", status = "Released",
            adjustments = new[] { new { learnerId = _world.Learners[0].Id, points = 2, reason = "A porté la soutenance" } },
        });
        graded.StatusCode.Should().Be(HttpStatusCode.OK, await graded.Content.ReadAsStringAsync());

        var first = (await SubmissionAsync(_world.Learners[0].Client, RowOf(rows, 0)))["grade"]!;
        var second = (await SubmissionAsync(_world.Learners[1].Client, RowOf(rows, 1)))["grade"]!;
        (first["score"]!.GetValue<decimal>(), first["adjustment"]!.GetValue<decimal>(), first["adjustmentReason"]!.GetValue<string>()).Should().Be((17m, 2m, "A porté la soutenance"));
        (second["score"]!.GetValue<decimal>(), second["adjustment"]!.GetValue<decimal>(), second["feedback"]!.GetValue<string>()).Should().Be((15m, 0m, "Bon travail d'équipe"));

        // One version guards the whole group: a change through either learner's row needs the ETag the last change gave.
        var stale = graded.Headers.ETag!.Tag;
        var regraded = await AssessmentWorld.GradeAsync(_world.Trainer, RowOf(rows, 0), new { score = 16, feedback = "Revu", status = "Released" }, stale);
        regraded.StatusCode.Should().Be(HttpStatusCode.OK, await regraded.Content.ReadAsStringAsync());
        (await AssessmentWorld.GradeAsync(_world.Trainer, RowOf(rows, 1), new { score = 10, feedback = "Écrasé ?", status = "Released" }, stale)).StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        ((await SubmissionAsync(_world.Trainer, RowOf(rows, 0)))["grade"]!["score"]!.GetValue<decimal>(), (await SubmissionAsync(_world.Trainer, RowOf(rows, 1)))["grade"]!["score"]!.GetValue<decimal>())
            .Should().Be((16m, 16m), "the adjustment was not sent again, and the stale write lost");
    }

    [Test]
    public async Task Adjustments_stay_within_the_group_and_the_points()
    {
        var project = await ProjectAsync();
        await SubmittedAsync(0, project, new { text = "Rapport" });
        var row = RowOf(await RowsAsync(project), 0);

        await (await AssessmentWorld.GradeAsync(_world.Trainer, row, new { score = 15, status = "Draft", adjustments = new[] { new { learnerId = _world.Learners[2].Id, points = 1, reason = "Autre groupe" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await AssessmentWorld.GradeAsync(_world.Trainer, row, new { score = 19, status = "Draft", adjustments = new[] { new { learnerId = _world.Learners[1].Id, points = 2, reason = "Au-delà" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await AssessmentWorld.GradeAsync(_world.Trainer, row, new { score = 15, status = "Draft", adjustments = new[] { new { learnerId = _world.Learners[1].Id, points = 1, reason = "" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Test]
    public async Task A_mentor_of_only_one_member_does_not_grade_the_group()
    {
        var project = await ProjectAsync();
        await SubmittedAsync(1, project, new { text = "Rapport" });

        await (await AssessmentWorld.GradeAsync(_world.Mentor, RowOf(await RowsAsync(project), 0), new { score = 12, status = "Released" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
