using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Assessment;

public sealed class AssignmentTests
{
    private SpocApiFactory _factory = null!;
    private AssessmentWorld _world = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _world = await AssessmentWorld.CreateAsync(_factory);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task A_learner_gets_a_released_quiz_without_its_answers_and_staff_with_them()
    {
        var quiz = await _world.CreateAsync(AssessmentWorld.Quiz());
        var id = quiz["id"]!.GetValue<Guid>();
        quiz["questions"]![0]!["choices"]![0]!["correct"]!.GetValue<bool>().Should().BeTrue();

        var seen = await (await _world.Learners[1].Client.GetAsync($"/api/v1/assignments/{id}")).ReadJsonAsync();
        seen["answersShown"]!.GetValue<bool>().Should().BeFalse();
        var questions = seen["questions"]!.AsArray();
        questions.Should().HaveCount(4);
        questions[0]!["choices"]!.AsArray().Select(c => c!["correct"]).Should().AllSatisfy(c => c.Should().BeNull());
        questions[1]!["choices"]!.AsArray().Select(c => c!["text"]!.GetValue<string>()).Should().Equal("Cahier des charges", "Café", "Planning");
        questions[2]!["answer"].Should().BeNull();
        questions[2]!["tolerance"].Should().BeNull();
        questions[3]!["accepted"].Should().BeNull();
        questions.ToJsonString().Should().NotContain("Gantt").And.NotContain("2.5", "the numeric answer (the timestamps elsewhere may hold those digits)");

        var mentorView = await (await _world.Mentor.GetAsync($"/api/v1/assignments/{id}")).ReadJsonAsync();
        mentorView["questions"]![3]!["accepted"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("Gantt", "diagramme de Gantt");
        mentorView["yourDueAt"].Should().BeNull("staff have no due date of their own");
    }

    [Test]
    public async Task Instructions_are_sanitized_and_the_markdown_goes_to_editors_only()
    {
        var created = await _world.CreateAsync(AssessmentWorld.TextAssignment());
        created["instructionsHtml"]!.GetValue<string>().Should().Contain("<strong>une page</strong>").And.NotContain("<script");
        created["instructions"]!.GetValue<string>().Should().StartWith("Rédigez **une page**");

        var seen = await (await _world.Learners[0].Client.GetAsync($"/api/v1/assignments/{created["id"]}")).ReadJsonAsync();
        seen["instructions"].Should().BeNull();
        seen["instructionsHtml"]!.GetValue<string>().Should().Contain("<strong>une page</strong>");
    }

    [Test]
    public async Task Drafts_are_for_trainers_unreleased_work_for_staff_and_learners_see_released_work_only()
    {
        var draft = (await _world.CreateAsync(AssessmentWorld.TextAssignment("Brouillon", isPublished: false)))["id"]!.GetValue<Guid>();
        var later = AssessmentWorld.TextAssignment("Plus tard", dueInDays: 30);
        later["releaseAt"] = DateTimeOffset.UtcNow.AddDays(10);
        var unreleased = (await _world.CreateAsync(later))["id"]!.GetValue<Guid>();
        var open = (await _world.CreateAsync(AssessmentWorld.TextAssignment("Ouvert")))["id"]!.GetValue<Guid>();

        async Task<List<Guid>> ListedFor(HttpClient client) =>
            (await (await client.GetAsync($"/api/v1/cohorts/{_world.CohortId}/assignments?pageSize=100")).ReadJsonAsync())["items"]!.AsArray()
                .Select(a => a!["id"]!.GetValue<Guid>()).ToList();

        (await ListedFor(_world.Trainer)).Should().Contain([draft, unreleased, open]);
        (await ListedFor(_world.Mentor)).Should().Contain([unreleased, open]).And.NotContain(draft);
        (await ListedFor(_world.Learners[0].Client)).Should().Contain(open).And.NotContain([draft, unreleased]);

        await (await _world.Learners[0].Client.GetAsync($"/api/v1/assignments/{unreleased}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _world.Mentor.GetAsync($"/api/v1/assignments/{draft}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task Each_learner_sees_their_own_due_date_and_answers_only_once_it_has_passed()
    {
        var (lucky, luckyId, _) = _world.Learners[1];
        var (other, _, _) = _world.Learners[0];
        var pacing = await _world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{_world.CohortId}/members/{luckyId}/pacing", new { shifts = new[] { new { activityId = (Guid?)null, days = 7 } } });
        pacing.StatusCode.Should().Be(HttpStatusCode.NoContent, await pacing.Content.ReadAsStringAsync());
        var quiz = await _world.CreateAsync(AssessmentWorld.Quiz(dueInDays: -2));
        var dueAt = quiz["dueAt"]!.GetValue<DateTimeOffset>();

        var mine = await (await lucky.GetAsync($"/api/v1/assignments/{quiz["id"]}")).ReadJsonAsync();
        mine["yourDueAt"]!.GetValue<DateTimeOffset>().Should().Be(dueAt.AddDays(7), "a week's extension, with no daylight-saving change in between");
        mine["answersShown"]!.GetValue<bool>().Should().BeFalse("their own due date is still ahead");
        mine["questions"]![2]!["answer"].Should().BeNull();

        var theirs = await (await other.GetAsync($"/api/v1/assignments/{quiz["id"]}")).ReadJsonAsync();
        theirs["yourDueAt"]!.GetValue<DateTimeOffset>().Should().Be(dueAt);
        theirs["answersShown"]!.GetValue<bool>().Should().BeTrue();
        theirs["questions"]![2]!["answer"]!.GetValue<decimal>().Should().Be(2.5m);

        var listed = (await (await lucky.GetAsync($"/api/v1/cohorts/{_world.CohortId}/assignments?pageSize=100")).ReadJsonAsync())["items"]!.AsArray()
            .Single(a => a!["id"]!.GetValue<Guid>() == quiz["id"]!.GetValue<Guid>())!;
        listed["yourDueAt"]!.GetValue<DateTimeOffset>().Should().Be(dueAt.AddDays(7));
    }

    [TestCase("releaseAfterDue")]
    [TestCase("pointsDoNotAddUp")]
    [TestCase("twoRightSingleChoices")]
    [TestCase("noRightMultipleChoice")]
    [TestCase("numericWithoutAnswer")]
    [TestCase("shortTextWithChoices")]
    [TestCase("negativeTolerance")]
    [TestCase("quizWithoutQuestions")]
    [TestCase("textWithQuestions")]
    [TestCase("attemptsOnText")]
    [TestCase("penaltyWithoutPercent")]
    [TestCase("percentWithoutPenalty")]
    public async Task An_inconsistent_assignment_is_refused(string flaw)
    {
        var body = flaw.Contains("Text", StringComparison.OrdinalIgnoreCase) && !flaw.StartsWith("shortText", StringComparison.Ordinal) ? AssessmentWorld.TextAssignment() : AssessmentWorld.Quiz();
        var questions = (object[])AssessmentWorld.Quiz()["questions"]!;
        switch (flaw)
        {
            case "releaseAfterDue": body["releaseAt"] = DateTimeOffset.UtcNow.AddDays(20); break;
            case "pointsDoNotAddUp": body["maxPoints"] = 12m; break;
            case "twoRightSingleChoices": body["questions"] = new object[] { new { type = "SingleChoice", prompt = "?", points = 10m, choices = new[] { new { text = "a", correct = true }, new { text = "b", correct = true } } } }; break;
            case "noRightMultipleChoice": body["questions"] = new object[] { new { type = "MultipleChoice", prompt = "?", points = 10m, choices = new[] { new { text = "a", correct = false }, new { text = "b", correct = false } } } }; break;
            case "numericWithoutAnswer": body["questions"] = new object[] { new { type = "Numeric", prompt = "?", points = 10m } }; break;
            case "shortTextWithChoices": body["questions"] = new object[] { new { type = "ShortText", prompt = "?", points = 10m, accepted = new[] { "x" }, choices = new[] { new { text = "a", correct = true }, new { text = "b", correct = false } } } }; break;
            case "negativeTolerance": body["questions"] = new object[] { new { type = "Numeric", prompt = "?", points = 10m, answer = 1m, tolerance = -1m } }; break;
            case "quizWithoutQuestions": body["questions"] = Array.Empty<object>(); break;
            case "textWithQuestions": body["questions"] = questions; break;
            case "attemptsOnText": body["maxAttempts"] = 3; break;
            case "penaltyWithoutPercent": body["latePolicy"] = "PenaltyPerDay"; break;
            case "percentWithoutPenalty": body["latePenaltyPercentPerDay"] = 10; break;
        }

        await (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{_world.CohortId}/assignments", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Test]
    public async Task A_penalty_per_day_is_kept_with_its_percentage()
    {
        var body = AssessmentWorld.TextAssignment();
        (body["latePolicy"], body["latePenaltyPercentPerDay"]) = ("PenaltyPerDay", 10);
        var created = await _world.CreateAsync(body);
        created["latePolicy"]!.GetValue<string>().Should().Be("PenaltyPerDay");
        created["latePenaltyPercentPerDay"]!.GetValue<int>().Should().Be(10);
    }

    [Test]
    public async Task Trainers_edit_with_If_Match_and_a_stale_copy_is_412()
    {
        var created = await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{_world.CohortId}/assignments", AssessmentWorld.TextAssignment());
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();
        var etag = (await _world.Trainer.GetAsync($"/api/v1/assignments/{id}")).Headers.ETag!.Tag;

        var changed = AssessmentWorld.TextAssignment("Note de cadrage v2");
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assignments/{id}") { Content = JsonContent.Create(changed) };
        update.Headers.TryAddWithoutValidation("If-Match", etag);
        var updated = await _world.Trainer.SendAsync(update);
        updated.StatusCode.Should().Be(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        (await updated.ReadJsonAsync())["title"]!.GetValue<string>().Should().Be("Note de cadrage v2");

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assignments/{id}") { Content = JsonContent.Create(AssessmentWorld.TextAssignment("v3")) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        await (await _world.Trainer.SendAsync(stale)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
    }

    [Test]
    public async Task Outside_the_cohorts_staff_nobody_reads_or_edits_an_assignment_they_may_not()
    {
        var open = (await _world.CreateAsync(AssessmentWorld.TextAssignment()))["id"]!.GetValue<Guid>();
        var draft = (await _world.CreateAsync(AssessmentWorld.TextAssignment(isPublished: false)))["id"]!.GetValue<Guid>();
        var outsider = (await _factory.NewUserAsync("outsider")).Client;

        await (await outsider.GetAsync($"/api/v1/assignments/{open}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await outsider.PutAsJsonAsync($"/api/v1/assignments/{open}", AssessmentWorld.TextAssignment())).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _world.Learners[0].Client.PutAsJsonAsync($"/api/v1/assignments/{open}", AssessmentWorld.TextAssignment())).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _world.Learners[0].Client.PutAsJsonAsync($"/api/v1/assignments/{draft}", AssessmentWorld.TextAssignment())).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _world.Mentor.PutAsJsonAsync($"/api/v1/assignments/{open}", AssessmentWorld.TextAssignment())).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _world.Trainer.GetAsync($"/api/v1/assignments/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task The_list_runs_the_same_number_of_queries_for_2_and_for_40_assignments()
    {
        async Task<int> QueriesFor(int assignments)
        {
            var world = await AssessmentWorld.CreateAsync(_factory, learners: 1);
            var learner = world.Learners[0];
            (await world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{world.CohortId}/members/{learner.Id}/pacing", new { shifts = new[] { new { days = 2 } } })).StatusCode.Should().Be(HttpStatusCode.NoContent);
            for (var i = 0; i < assignments; i++)
            {
                await world.CreateAsync(i % 2 == 0 ? AssessmentWorld.Quiz() : AssessmentWorld.TextAssignment($"Devoir {i}"));
            }

            await _factory.OutboxDispatchedAsync(); // the enrolments' events are handled before counting, not during
            _factory.Queries.Reset();
            var page = await (await learner.Client.GetAsync($"/api/v1/cohorts/{world.CohortId}/assignments?pageSize=100")).ReadJsonAsync();
            page["items"]!.AsArray().Should().HaveCount(assignments);
            return _factory.Queries.Count;
        }

        var small = await QueriesFor(2);
        var large = await QueriesFor(40);
        large.Should().Be(small);
    }
}
