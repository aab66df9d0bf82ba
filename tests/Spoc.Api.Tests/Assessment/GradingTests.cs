using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Assessment.Data;

namespace Spoc.Api.Tests.Assessment;

/// <summary>Learner 0 is the mentor's; learner 1 is not.</summary>
public sealed class GradingTests
{
    private SpocApiFactory _factory = null!;
    private AssessmentWorld _world = null!;
    private Guid _text;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _world = await AssessmentWorld.CreateAsync(_factory);
        _text = (await _world.CreateAsync(AssessmentWorld.TextAssignment()))["id"]!.GetValue<Guid>();
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private async Task<Guid> SubmittedAsync(int learner, Guid? assignmentId = null, object? body = null)
    {
        var response = await _world.Learners[learner].Client.PostAsJsonAsync($"/api/v1/assignments/{assignmentId ?? _text}/submissions", body ?? new { text = "Mon travail" });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    private static async Task<string> GradedAsync(HttpClient by, Guid submissionId, object body, string? ifMatch = null)
    {
        var response = await AssessmentWorld.GradeAsync(by, submissionId, body, ifMatch);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response.Headers.ETag!.Tag;
    }

    private static async Task<JsonObject> SubmissionAsync(HttpClient by, Guid submissionId) =>
        await (await by.GetAsync($"/api/v1/submissions/{submissionId}")).ReadJsonAsync();

    private async Task<JsonArray> HistoryAsync(Guid submissionId)
    {
        var response = await _world.Trainer.GetAsync($"/api/v1/submissions/{submissionId}/grade/history");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    private async Task<List<string>> EventsAsync(Guid submissionId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AssessmentDbContext>().OutboxMessages
            .Where(m => m.Payload.Contains(submissionId.ToString())).Select(m => m.Type).ToListAsync();
    }

    [Test]
    public async Task A_draft_is_invisible_to_the_learner_until_released_and_feedback_is_sanitised()
    {
        var id = await SubmittedAsync(1);
        var tag = await GradedAsync(_world.Trainer, id, new { score = 14.5m, feedback = "**Bien** <script>alert(1)</script>", status = "Draft" });

        (await SubmissionAsync(_world.Learners[1].Client, id))["grade"].Should().BeNull("a draft is the staff's");
        var staff = (await SubmissionAsync(_world.Trainer, id))["grade"]!;
        staff["score"]!.GetValue<decimal>().Should().Be(14.5m);
        staff["feedbackHtml"]!.GetValue<string>().Should().Contain("<strong>Bien</strong>").And.NotContain("<script");
        (await EventsAsync(id)).Should().NotContain(e => e.Contains("GradeReleased"));

        await GradedAsync(_world.Trainer, id, new { score = 15m, feedback = "**Bien**", status = "Released" }, tag);
        var seen = (await SubmissionAsync(_world.Learners[1].Client, id))["grade"]!;
        seen["score"]!.GetValue<decimal>().Should().Be(15m);
        seen["status"]!.GetValue<string>().Should().Be("Released");
        (await EventsAsync(id)).Should().ContainSingle(e => e.Contains("GradeReleased"));
        await using var scope = _factory.Services.CreateAsyncScope();
        var payload = await scope.ServiceProvider.GetRequiredService<AssessmentDbContext>().OutboxMessages
            .Where(m => m.Type.Contains("GradeReleased") && m.Payload.Contains(id.ToString())).Select(m => m.Payload).SingleAsync();
        var released = JsonNode.Parse(payload)!;
        (released["score"]!.GetValue<decimal>(), released["maxPoints"]!.GetValue<decimal>()).Should().Be((15m, 20m), "the follow-up makes it a percentage");
    }

    [Test]
    public async Task Every_change_is_kept_with_who_when_before_and_after()
    {
        var id = await SubmittedAsync(0);
        (await HistoryAsync(id)).Should().BeEmpty();
        var tag = await GradedAsync(_world.Trainer, id, new { score = 10m, feedback = "Premier jet", status = "Draft" });
        await GradedAsync(_world.Mentor, id, new { score = 12m, feedback = "Revu", status = "Released" }, tag);

        var history = await HistoryAsync(id);
        history.Should().HaveCount(2);
        history[0]!["before"].Should().BeNull();
        history[0]!["after"]!["score"]!.GetValue<decimal>().Should().Be(10m);
        history[0]!["changedBy"]!.GetValue<Guid>().Should().Be(_world.World.TrainerId);
        history[1]!["before"]!["feedback"]!.GetValue<string>().Should().Be("Premier jet");
        history[1]!["after"]!["status"]!.GetValue<string>().Should().Be("Released");
        history[1]!["after"]!["score"]!.GetValue<decimal>().Should().Be(12m);
    }

    [Test]
    public async Task Two_graders_at_once_get_one_success_and_one_412_and_nothing_is_lost()
    {
        var id = await SubmittedAsync(0);
        var tag = await GradedAsync(_world.Trainer, id, new { score = 10m, feedback = "Brouillon", status = "Draft" });
        var read = (await SubmissionAsync(_world.Mentor, id))["grade"]!["etag"]!.GetValue<string>(); // what a grader who reads the submission sends

        var responses = await Task.WhenAll(
            AssessmentWorld.GradeAsync(_world.Trainer, id, new { score = 11m, feedback = "Formateur", status = "Draft" }, tag),
            AssessmentWorld.GradeAsync(_world.Mentor, id, new { score = 9m, feedback = "Mentor", status = "Draft" }, read));

        var bodies = string.Join("\n", await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync())));
        responses.Count(r => r.IsSuccessStatusCode).Should().Be(1, bodies);
        await responses.Single(r => !r.IsSuccessStatusCode).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        var winner = JsonNode.Parse(await responses.Single(r => r.IsSuccessStatusCode).Content.ReadAsStringAsync())!["feedback"]!.GetValue<string>();
        (await SubmissionAsync(_world.Trainer, id))["grade"]!["feedback"]!.GetValue<string>().Should().Be(winner);
        (await HistoryAsync(id)).Should().HaveCount(2, "the first grade and the winner's change; the loser wrote nothing");

        // Without If-Match an existing grade is not overwritten either.
        await (await AssessmentWorld.GradeAsync(_world.Trainer, id, new { score = 1m, status = "Draft" })).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
    }

    [Test]
    public async Task Scores_stay_within_max_points_and_a_quiz_score_changes_only_with_a_reason()
    {
        var id = await SubmittedAsync(1);
        await (await AssessmentWorld.GradeAsync(_world.Trainer, id, new { score = 21m, status = "Draft" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await AssessmentWorld.GradeAsync(_world.Trainer, id, new { score = -1m, status = "Draft" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await AssessmentWorld.GradeAsync(_world.Trainer, id, new { status = "Draft" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        var quiz = (await _world.CreateAsync(AssessmentWorld.Quiz()))["id"]!.GetValue<Guid>();
        var attempt = await SubmittedAsync(1, quiz, new { answers = new[] { new { questionIndex = 3, value = "Gantt" } } });
        await (await AssessmentWorld.GradeAsync(_world.Trainer, attempt, new { score = 6m, status = "Released" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var tag = await GradedAsync(_world.Trainer, attempt, new { status = "Draft", feedback = "Score calculé" });
        (await SubmissionAsync(_world.Trainer, attempt))["grade"]!["score"]!.GetValue<decimal>().Should().Be(4m, "the computed score is the default");
        await GradedAsync(_world.Trainer, attempt, new { score = 6m, status = "Released", overrideReason = "Réponse 2 acceptable" }, tag);
        (await SubmissionAsync(_world.Learners[1].Client, attempt))["grade"]!["overrideReason"]!.GetValue<string>().Should().Be("Réponse 2 acceptable");
    }

    [Test]
    public async Task Returned_for_revision_lets_the_learner_hand_in_again_on_a_single_submission_assignment()
    {
        var once = AssessmentWorld.TextAssignment("Rendu unique");
        once["allowResubmission"] = false;
        var assignment = (await _world.CreateAsync(once))["id"]!.GetValue<Guid>();
        var id = await SubmittedAsync(1, assignment);
        var refused = await _world.Learners[1].Client.PostAsJsonAsync($"/api/v1/assignments/{assignment}/submissions", new { text = "Encore" });
        await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "resubmission-not-allowed");

        await GradedAsync(_world.Trainer, id, new { score = 8m, feedback = "À reprendre : la section 2", status = "ReturnedForRevision" });
        (await SubmissionAsync(_world.Learners[1].Client, id))["grade"]!["feedback"]!.GetValue<string>().Should().Be("À reprendre : la section 2");
        (await EventsAsync(id)).Should().ContainSingle(e => e.Contains("RevisionRequested"));
        (await SubmissionAsync(_world.Learners[1].Client, await SubmittedAsync(1, assignment)))["attempt"]!.GetValue<int>().Should().Be(2);
    }

    [Test]
    public async Task A_learner_never_writes_a_grade_and_outsiders_or_other_mentors_find_nothing()
    {
        var own = await SubmittedAsync(0);
        var other = await SubmittedAsync(1);
        var forged = new { score = 20m, feedback = "Parfait", status = "Released", overrideReason = "moi" };

        await (await AssessmentWorld.GradeAsync(_world.Learners[0].Client, own, forged)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await AssessmentWorld.GradeAsync(_world.Learners[0].Client, other, forged)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await AssessmentWorld.GradeAsync(_world.Mentor, other, forged)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found"); // not the mentor's learner
        var outsider = (await _factory.NewUserAsync("outsider")).Client;
        await (await AssessmentWorld.GradeAsync(outsider, own, forged)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _world.Learners[0].Client.GetAsync($"/api/v1/submissions/{own}/grade/history")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await outsider.GetAsync($"/api/v1/submissions/{own}/grade/history")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        (await SubmissionAsync(_world.Trainer, own))["grade"].Should().BeNull("no forged write got through");
        var withGrade = await _world.Learners[1].Client.PostAsJsonAsync($"/api/v1/assignments/{_text}/submissions", new { text = "Et ma note", grade = forged, status = "Released", score = 20 });
        withGrade.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = await withGrade.ReadJsonAsync();
        created["grade"].Should().BeNull();
        (await SubmissionAsync(_world.Trainer, created["id"]!.GetValue<Guid>()))["grade"].Should().BeNull();
    }
}
