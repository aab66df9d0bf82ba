using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Assessment.Data;

namespace Spoc.Api.Tests.Assessment;

/// <summary>Learners 0 and 1 have no extension, learner 0 is the mentor's; learner 2 has a week's extension on every due date.</summary>
public sealed class SubmissionTests
{
    private SpocApiFactory _factory = null!;
    private AssessmentWorld _world = null!;
    private Guid _openQuiz;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _world = await AssessmentWorld.CreateAsync(_factory, learners: 3);
        var pacing = await _world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{_world.CohortId}/members/{_world.Learners[2].Id}/pacing", new { shifts = new[] { new { days = 7 } } });
        pacing.StatusCode.Should().Be(HttpStatusCode.NoContent);
        _openQuiz = (await _world.CreateAsync(AssessmentWorld.Quiz(maxAttempts: null)))["id"]!.GetValue<Guid>();
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private HttpClient Learner(int i) => _world.Learners[i].Client;

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, Guid assignmentId, object body) =>
        client.PostAsJsonAsync($"/api/v1/assignments/{assignmentId}/submissions", body);

    private static async Task<JsonObject> SubmittedAsync(HttpClient client, Guid assignmentId, object body)
    {
        var response = await SubmitAsync(client, assignmentId, body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    // The quiz of AssessmentWorld.Quiz: 0 SingleChoice (1 pt, choice 0), 1 MultipleChoice (2 pts, choices 0 and 2),
    // 2 Numeric (3 pts, 2.5 ± 0.5), 3 ShortText (4 pts, "Gantt" or "diagramme de Gantt").
    [TestCase(0, new[] { 0 }, null, 1)]
    [TestCase(0, new[] { 1 }, null, 0)]
    [TestCase(0, new[] { 0, 1 }, null, 0)]
    [TestCase(1, new[] { 2, 0 }, null, 2)]
    [TestCase(1, new[] { 0 }, null, 0)]
    [TestCase(1, new[] { 0, 1, 2 }, null, 0)]
    [TestCase(2, null, "2.5", 3)]
    [TestCase(2, null, "2,9", 3)]
    [TestCase(2, null, "2", 3)]
    [TestCase(2, null, "3.1", 0)]
    [TestCase(2, null, "deux", 0)]
    [TestCase(3, null, "gantt", 4)]
    [TestCase(3, null, "  Diagramme  dé   GANTT ", 4)]
    [TestCase(3, null, "PERT", 0)]
    public async Task Each_question_type_is_scored_at_submission(int questionIndex, int[]? choiceIndexes, string? value, int expected)
    {
        var submission = await SubmittedAsync(Learner(1), _openQuiz, new { answers = new[] { new { questionIndex, choiceIndexes, value } } });
        submission["score"]!.GetValue<decimal>().Should().Be(expected);
    }

    [Test]
    public async Task A_quiz_answered_right_throughout_earns_its_max_points_and_attempts_are_numbered()
    {
        var all = new object[]
        {
            new { questionIndex = 0, choiceIndexes = new[] { 0 } }, new { questionIndex = 1, choiceIndexes = new[] { 0, 2 } },
            new { questionIndex = 2, value = "2.5" }, new { questionIndex = 3, value = "Gantt" },
        };
        var first = await SubmittedAsync(Learner(0), _openQuiz, new { answers = all });
        first["score"]!.GetValue<decimal>().Should().Be(10m);
        first["attempt"]!.GetValue<int>().Should().Be(1);
        first["isLate"]!.GetValue<bool>().Should().BeFalse();
        (await SubmittedAsync(Learner(0), _openQuiz, new { answers = Array.Empty<object>() }))["attempt"]!.GetValue<int>().Should().Be(2);
    }

    [Test]
    public async Task A_quiz_refuses_attempts_beyond_its_limit_and_a_single_submission_assignment_a_second_one()
    {
        var quiz = (await _world.CreateAsync(AssessmentWorld.Quiz(maxAttempts: 2)))["id"]!.GetValue<Guid>();
        await SubmittedAsync(Learner(1), quiz, new { answers = Array.Empty<object>() });
        await SubmittedAsync(Learner(1), quiz, new { answers = Array.Empty<object>() });
        await (await SubmitAsync(Learner(1), quiz, new { answers = Array.Empty<object>() })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "attempts-exhausted");

        var once = AssessmentWorld.TextAssignment();
        once["allowResubmission"] = false;
        var text = (await _world.CreateAsync(once))["id"]!.GetValue<Guid>();
        await SubmittedAsync(Learner(1), text, new { text = "Ma note" });
        await (await SubmitAsync(Learner(1), text, new { text = "Ma note, corrigée" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "resubmission-not-allowed");
    }

    [Test]
    public async Task Lateness_is_judged_against_each_learners_own_due_date()
    {
        var past = AssessmentWorld.TextAssignment(dueInDays: 0);
        past["dueAt"] = DateTimeOffset.UtcNow.AddHours(-36);
        past["releaseAt"] = DateTimeOffset.UtcNow.AddDays(-5);
        var text = (await _world.CreateAsync(past))["id"]!.GetValue<Guid>();

        var late = await SubmittedAsync(Learner(1), text, new { text = "En retard" });
        late["isLate"]!.GetValue<bool>().Should().BeTrue();
        late["daysLate"]!.GetValue<int>().Should().Be(2, "36 hours is a second started day");

        var extended = await SubmittedAsync(Learner(2), text, new { text = "Dans mon délai" });
        extended["isLate"]!.GetValue<bool>().Should().BeFalse("their extension moves their due date a week later");
        extended["dueAt"]!.GetValue<DateTimeOffset>().Should().Be(late["dueAt"]!.GetValue<DateTimeOffset>().AddDays(7));

        var refusing = AssessmentWorld.Quiz(dueInDays: 0);
        refusing["dueAt"] = DateTimeOffset.UtcNow.AddHours(-36);
        var quiz = (await _world.CreateAsync(refusing))["id"]!.GetValue<Guid>();
        await (await SubmitAsync(Learner(1), quiz, new { answers = Array.Empty<object>() })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "submission-too-late");
        (await SubmitAsync(Learner(2), quiz, new { answers = Array.Empty<object>() })).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Test]
    public async Task A_penalty_per_day_takes_its_percentage_per_started_day_off_a_quiz_score()
    {
        var body = AssessmentWorld.Quiz(dueInDays: 0);
        (body["dueAt"], body["latePolicy"], body["latePenaltyPercentPerDay"]) = (DateTimeOffset.UtcNow.AddHours(-36), "PenaltyPerDay", 15);
        var quiz = (await _world.CreateAsync(body))["id"]!.GetValue<Guid>();

        var late = await SubmittedAsync(Learner(1), quiz, new { answers = new object[] { new { questionIndex = 3, value = "Gantt" }, new { questionIndex = 2, value = "2.5" } } });

        late["penaltyPercent"]!.GetValue<int>().Should().Be(30);
        late["score"]!.GetValue<decimal>().Should().Be(4.9m, "(4 + 3) points less 2 days × 15 %");
    }

    [Test]
    public async Task A_learner_never_sets_a_score_or_a_late_flag()
    {
        var forged = await SubmittedAsync(Learner(1), _openQuiz, new { answers = new[] { new { questionIndex = 0, choiceIndexes = new[] { 1 } } }, score = 10, isLate = false, penaltyPercent = -50 });
        forged["score"]!.GetValue<decimal>().Should().Be(0m);
        forged["penaltyPercent"]!.GetValue<int>().Should().Be(0);

        var text = (await _world.CreateAsync(AssessmentWorld.TextAssignment()))["id"]!.GetValue<Guid>();
        var work = await SubmittedAsync(Learner(1), text, new { text = "Travail", score = 20, grade = 20 });
        work["score"].Should().BeNull("only staff grade a text");
        (await (await _world.Trainer.GetAsync($"/api/v1/submissions/{work["id"]}")).ReadJsonAsync())["score"].Should().BeNull();
    }

    [Test]
    public async Task Each_kind_takes_its_own_field_only()
    {
        var text = (await _world.CreateAsync(AssessmentWorld.TextAssignment()))["id"]!.GetValue<Guid>();
        await (await SubmitAsync(Learner(1), text, new { answers = Array.Empty<object>() })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await SubmitAsync(Learner(1), _openQuiz, new { text = "?" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await SubmitAsync(Learner(1), _openQuiz, new { answers = new[] { new { questionIndex = 7, value = "x" } } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await SubmitAsync(Learner(1), _openQuiz, new { answers = new[] { new { questionIndex = 2, value = "1" }, new { questionIndex = 2, value = "2" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Test]
    public async Task Once_work_is_handed_in_the_kind_and_questions_stay_and_the_rest_may_change()
    {
        var body = AssessmentWorld.Quiz();
        var quiz = (await _world.CreateAsync(body))["id"]!.GetValue<Guid>();
        await SubmittedAsync(Learner(1), quiz, new { answers = Array.Empty<object>() });

        body["title"] = "Quiz planification (corrigé)";
        (await _world.Trainer.PutAsJsonAsync($"/api/v1/assignments/{quiz}", body)).StatusCode.Should().Be(HttpStatusCode.OK);
        body["questions"] = ((object[])body["questions"]!)[..3];
        body["maxPoints"] = 6m;
        await (await _world.Trainer.PutAsJsonAsync($"/api/v1/assignments/{quiz}", body)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "assignment-has-submissions");
    }

    [Test]
    public async Task A_file_assignment_takes_the_learners_own_uploads_which_only_the_submissions_readers_download()
    {
        var body = AssessmentWorld.TextAssignment();
        body["kind"] = "File";
        var assignment = (await _world.CreateAsync(body))["id"]!.GetValue<Guid>();
        var mine = await UploadAsync(Learner(1));
        var theirs = await UploadAsync(Learner(0));

        await (await SubmitAsync(Learner(1), assignment, new { fileIds = new[] { theirs } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await SubmitAsync(Learner(1), assignment, new { fileIds = new[] { mine, theirs } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await SubmitAsync(Learner(1), assignment, new { fileIds = new[] { mine, Guid.NewGuid() } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var handedIn = await SubmittedAsync(Learner(1), assignment, new { fileIds = new[] { mine } });
        handedIn["fileIds"]!.AsArray().Select(f => f!.GetValue<Guid>()).Should().Equal(mine);

        var files = $"/api/v1/submissions/{handedIn["id"]}/files";
        foreach (var reader in new[] { Learner(1), _world.Trainer })
        {
            var download = await reader.GetAsync($"{files}/{mine}");
            download.StatusCode.Should().Be(HttpStatusCode.OK);
            download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
            (await download.Content.ReadAsByteArrayAsync()).Should().StartWith("%PDF"u8.ToArray());
        }

        await (await Learner(0).GetAsync($"{files}/{mine}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _world.Mentor.GetAsync($"{files}/{mine}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await Learner(1).GetAsync($"{files}/{theirs}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task Only_learners_hand_in_and_only_what_they_see()
    {
        var draft = (await _world.CreateAsync(AssessmentWorld.TextAssignment(isPublished: false)))["id"]!.GetValue<Guid>();
        var open = (await _world.CreateAsync(AssessmentWorld.TextAssignment()))["id"]!.GetValue<Guid>();
        await (await SubmitAsync(Learner(1), draft, new { text = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await SubmitAsync(_world.Trainer, open, new { text = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await SubmitAsync(_world.Mentor, open, new { text = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await SubmitAsync((await _factory.NewUserAsync("outsider")).Client, open, new { text = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task A_submission_is_seen_by_its_author_the_trainer_and_the_authors_mentor_only()
    {
        var text = (await _world.CreateAsync(AssessmentWorld.TextAssignment()))["id"]!.GetValue<Guid>();
        var mentored = (await SubmittedAsync(Learner(0), text, new { text = "Par l'apprenant suivi" }))["id"]!.GetValue<Guid>();
        var other = (await SubmittedAsync(Learner(1), text, new { text = "Par un autre" }))["id"]!.GetValue<Guid>();
        var outsider = (await _factory.NewUserAsync("outsider")).Client;

        foreach (var reader in new[] { Learner(0), _world.Trainer, _world.Mentor })
        {
            (await reader.GetAsync($"/api/v1/submissions/{mentored}")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        foreach (var stranger in new[] { Learner(1), Learner(2), outsider })
        {
            await (await stranger.GetAsync($"/api/v1/submissions/{mentored}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        }

        await (await _world.Mentor.GetAsync($"/api/v1/submissions/{other}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        async Task<List<Guid>> Listed(HttpClient client) =>
            (await (await client.GetAsync($"/api/v1/assignments/{text}/submissions")).ReadJsonAsync())["items"]!.AsArray().Select(s => s!["id"]!.GetValue<Guid>()).ToList();
        (await Listed(_world.Trainer)).Should().Equal(mentored, other);
        (await Listed(_world.Mentor)).Should().Equal(mentored);
        await (await Learner(0).GetAsync($"/api/v1/assignments/{text}/submissions")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await outsider.GetAsync($"/api/v1/assignments/{text}/submissions")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task A_submission_publishes_SubmissionReceived_in_its_transaction()
    {
        var text = (await _world.CreateAsync(AssessmentWorld.TextAssignment()))["id"]!.GetValue<Guid>();
        var id = (await SubmittedAsync(Learner(1), text, new { text = "Rendu" }))["id"]!.GetValue<Guid>();

        await using var scope = _factory.Services.CreateAsyncScope();
        var types = await scope.ServiceProvider.GetRequiredService<AssessmentDbContext>().OutboxMessages
            .Where(m => m.Payload.Contains(id.ToString())).Select(m => m.Type).ToListAsync();
        types.Should().ContainSingle().Which.Should().Contain("SubmissionReceived");
    }

    [Test]
    public async Task With_latestOnly_the_list_keeps_each_learners_latest_attempt_and_a_grader_pages_through_them_all()
    {
        var text = (await _world.CreateAsync(AssessmentWorld.TextAssignment("Journal de bord")))["id"]!.GetValue<Guid>();
        var attempts = new Dictionary<Guid, Guid>();
        foreach (var (learner, times) in new[] { (0, 3), (1, 1), (2, 2) })
        {
            for (var i = 0; i < times; i++)
            {
                attempts[_world.Learners[learner].Id] = (await SubmittedAsync(Learner(learner), text, new { text = $"Version {i + 1}" }))["id"]!.GetValue<Guid>();
            }
        }

        var all = await (await _world.Trainer.GetAsync($"/api/v1/assignments/{text}/submissions")).ReadJsonAsync();
        all["totalCount"]!.GetValue<int>().Should().Be(6, "every attempt");

        // Two pages of 2 then 1: the grader's whole queue, one latest attempt per learner.
        var seen = new List<JsonNode>();
        for (var page = 1; page <= 2; page++)
        {
            var latest = await (await _world.Trainer.GetAsync($"/api/v1/assignments/{text}/submissions?latestOnly=true&pageSize=2&page={page}")).ReadJsonAsync();
            latest["totalCount"]!.GetValue<int>().Should().Be(3);
            seen.AddRange(latest["items"]!.AsArray()!);
        }

        seen.ToDictionary(s => s["authorId"]!.GetValue<Guid>(), s => s["id"]!.GetValue<Guid>()).Should().BeEquivalentTo(attempts);
        seen.Select(s => s["attempt"]!.GetValue<int>()).Should().Equal(3, 1, 2); // in hand-in order: learner 0's third, 1's first, 2's second
        var mentor = await (await _world.Mentor.GetAsync($"/api/v1/assignments/{text}/submissions?latestOnly=true")).ReadJsonAsync();
        mentor["items"]!.AsArray().Select(s => s!["id"]!.GetValue<Guid>()).Should().Equal(attempts[_world.Learners[0].Id]);
    }

    [Test]
    public async Task The_submission_list_runs_the_same_number_of_queries_for_2_and_for_20_submissions()
    {
        async Task<int> QueriesFor(int learners)
        {
            var world = await AssessmentWorld.CreateAsync(_factory, learners);
            var text = (await world.CreateAsync(AssessmentWorld.TextAssignment()))["id"]!.GetValue<Guid>();
            foreach (var learner in world.Learners)
            {
                await SubmittedAsync(learner.Client, text, new { text = "Rendu" });
            }

            await _factory.OutboxDispatchedAsync(); // the enrolments' events are handled before counting, not during
            _factory.Queries.Reset();
            var page = await (await world.Mentor.GetAsync($"/api/v1/assignments/{text}/submissions?pageSize=100")).ReadJsonAsync();
            page["items"]!.AsArray().Should().ContainSingle("the mentor follows one learner");
            var mentorQueries = _factory.Queries.Count;
            _factory.Queries.Reset();
            (await (await world.Trainer.GetAsync($"/api/v1/assignments/{text}/submissions?pageSize=100")).ReadJsonAsync())["items"]!.AsArray().Should().HaveCount(learners);
            return mentorQueries * 1000 + _factory.Queries.Count;
        }

        (await QueriesFor(20)).Should().Be(await QueriesFor(2));
    }

    private static async Task<Guid> UploadAsync(HttpClient client)
    {
        var upload = new ByteArrayContent("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"u8.ToArray());
        upload.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await client.PostAsync("/api/v1/files", new MultipartFormDataContent { { upload, "file", "rendu.pdf" } });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["fileId"]!.GetValue<Guid>();
    }
}
