using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Assessment;

/// <summary>The home pages' lists: a learner's "à rendre" (GET /me/assignments) and the staff's "à corriger" (GET /me/to-grade).</summary>
public sealed class HomeListTests
{
    private SpocApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new SpocApiFactory();

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private static async Task<Guid> SubmittedAsync(HttpClient learner, Guid assignmentId, object body)
    {
        var response = await learner.PostAsJsonAsync($"/api/v1/assignments/{assignmentId}/submissions", body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    private static async Task GradedAsync(HttpClient by, Guid submissionId, string status)
    {
        var response = await by.PutAsJsonAsync($"/api/v1/submissions/{submissionId}/grade", new { score = 12m, feedback = "Bien", status });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonArray> ItemsAsync(HttpClient by, string route) =>
        (await (await by.GetAsync(route)).ReadJsonAsync())["items"]!.AsArray();

    private static IEnumerable<string> Titles(JsonArray items) => items.Select(i => i!["title"]!.GetValue<string>());

    [Test]
    public async Task A_learner_sees_what_is_left_to_hand_in_with_their_own_due_date_and_a_returned_attempt_comes_back()
    {
        var world = await AssessmentWorld.CreateAsync(_factory, learners: 2);
        (await world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{world.CohortId}/members/{world.Learners[1].Id}/pacing", new { shifts = new[] { new { days = 7 } } }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        var text = await world.CreateAsync(AssessmentWorld.TextAssignment("Note de cadrage"));
        var textId = text["id"]!.GetValue<Guid>();
        await world.CreateAsync(AssessmentWorld.Quiz());
        await world.CreateAsync(AssessmentWorld.TextAssignment("Brouillon", isPublished: false));
        var learner = world.Learners[0].Client;

        Titles(await ItemsAsync(learner, "/api/v1/me/assignments?toDoOnly=true")).Should().BeEquivalentTo("Note de cadrage", "Quiz planification");
        var submissionId = await SubmittedAsync(learner, textId, new { text = "Mon rendu" });
        Titles(await ItemsAsync(learner, "/api/v1/me/assignments?toDoOnly=true")).Should().Equal("Quiz planification");

        var all = await ItemsAsync(learner, $"/api/v1/me/assignments?cohortId={world.CohortId}");
        var handedIn = all.Single(i => i!["assignmentId"]!.GetValue<Guid>() == textId)!;
        handedIn["attempts"]!.GetValue<int>().Should().Be(1);
        handedIn["lastSubmissionId"]!.GetValue<Guid>().Should().Be(submissionId);
        handedIn["isToDo"]!.GetValue<bool>().Should().BeFalse();
        handedIn["cohortTitle"]!.GetValue<string>().Should().Be("Cohorte évaluée");

        await GradedAsync(world.Trainer, submissionId, "Draft");
        (await ItemsAsync(learner, "/api/v1/me/assignments")).Single(i => i!["assignmentId"]!.GetValue<Guid>() == textId)!["gradeStatus"].Should().BeNull("a draft is the staff's");
        var etag = (await (await world.Trainer.GetAsync($"/api/v1/submissions/{submissionId}")).ReadJsonAsync())["grade"]!["etag"]!.GetValue<string>();
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/submissions/{submissionId}/grade") { Content = JsonContent.Create(new { score = 8m, feedback = "À reprendre", status = "ReturnedForRevision" }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        (await world.Trainer.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);
        var returned = (await ItemsAsync(learner, "/api/v1/me/assignments?toDoOnly=true")).Single(i => i!["assignmentId"]!.GetValue<Guid>() == textId)!;
        returned["gradeStatus"]!.GetValue<string>().Should().Be("ReturnedForRevision");

        var dueAt = text["dueAt"]!.GetValue<DateTimeOffset>();
        (await ItemsAsync(learner, "/api/v1/me/assignments")).Single(i => i!["assignmentId"]!.GetValue<Guid>() == textId)!["yourDueAt"]!.GetValue<DateTimeOffset>().Should().Be(dueAt);
        (await ItemsAsync(world.Learners[1].Client, "/api/v1/me/assignments")).Single(i => i!["assignmentId"]!.GetValue<Guid>() == textId)!["yourDueAt"]!.GetValue<DateTimeOffset>()
            .Should().Be(dueAt.AddDays(7), "their pacing gives them a week more");
        (await ItemsAsync(world.Trainer, "/api/v1/me/assignments")).Should().BeEmpty("staff hand nothing in");
    }

    [Test]
    public async Task Staff_see_the_latest_attempts_left_to_grade_a_mentor_only_their_learners_and_released_work_leaves_the_list()
    {
        var world = await AssessmentWorld.CreateAsync(_factory, learners: 2);
        var textId = (await world.CreateAsync(AssessmentWorld.TextAssignment()))["id"]!.GetValue<Guid>();
        var quizId = (await world.CreateAsync(AssessmentWorld.Quiz()))["id"]!.GetValue<Guid>();
        var first = await SubmittedAsync(world.Learners[0].Client, textId, new { text = "v1" });
        var mentee = await SubmittedAsync(world.Learners[0].Client, textId, new { text = "v2" });
        var other = await SubmittedAsync(world.Learners[1].Client, textId, new { text = "Rendu" });
        await SubmittedAsync(world.Learners[1].Client, quizId, new { answers = new[] { new { questionIndex = 0, choiceIndexes = new[] { 0 } } } });

        var trainers = await ItemsAsync(world.Trainer, "/api/v1/me/to-grade");
        trainers.Select(i => i!["submissionId"]!.GetValue<Guid>()).Should().Equal(mentee, other);
        trainers.Should().NotContain(i => i!["submissionId"]!.GetValue<Guid>() == first, "only the latest attempt waits");
        trainers[0]!["authorName"]!.GetValue<string>().Should().NotBeEmpty();
        trainers[0]!["attempt"]!.GetValue<int>().Should().Be(2);
        (await ItemsAsync(world.Mentor, "/api/v1/me/to-grade")).Select(i => i!["submissionId"]!.GetValue<Guid>()).Should().Equal(mentee);
        (await ItemsAsync(world.Learners[0].Client, "/api/v1/me/to-grade")).Should().BeEmpty();

        await GradedAsync(world.Trainer, mentee, "Draft");
        await GradedAsync(world.Trainer, other, "Released");
        var left = (await ItemsAsync(world.Trainer, "/api/v1/me/to-grade")).Should().ContainSingle().Subject!;
        left["submissionId"]!.GetValue<Guid>().Should().Be(mentee);
        left["gradeStatus"]!.GetValue<string>().Should().Be("Draft");
    }

    [Test]
    public async Task A_mentor_sees_their_learners_work_only_in_the_cohort_where_they_mentor_them()
    {
        // Cohort X: the mentor follows learner 0. Cohort Y: both learners, the same mentor follows learner 1 only.
        var world = await AssessmentWorld.CreateAsync(_factory, learners: 2);
        var startsOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7);
        var start = startsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var created = await world.Trainer.PostAsJsonAsync("/api/v1/cohorts", new
        {
            courseId = world.World.CourseId, title = "Cohorte Y", capacity = 10, startsOn = startsOn.ToString("yyyy-MM-dd"), endsOn = startsOn.AddDays(90).ToString("yyyy-MM-dd"),
            applicationsOpenAt = start.AddDays(-30), applicationsCloseAt = start.AddDays(-2), admissionMode = "OrganizationEnrollment",
            organizationIds = new[] { world.World.OrganizationId }, timeZone = "Europe/Paris",
        });
        var y = (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();
        (await world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{y}/enrolments", new { emails = world.Learners.Select(l => l.Email).ToArray() })).StatusCode.Should().Be(HttpStatusCode.OK);
        var mentor = await (await world.Mentor.GetAsync("/api/v1/me")).ReadJsonAsync();
        (await world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{y}/members", new { email = mentor["email"]!.GetValue<string>(), role = "Mentor" })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{y}/members/{world.Learners[1].Id}/mentor", new { mentorId = mentor["id"]!.GetValue<Guid>() })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var inX = (await world.CreateAsync(AssessmentWorld.TextAssignment("Devoir X")))["id"]!.GetValue<Guid>();
        var inY = (await (await world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{y}/assignments", AssessmentWorld.TextAssignment("Devoir Y"))).ReadJsonAsync())["id"]!.GetValue<Guid>();

        var menteeInX = await SubmittedAsync(world.Learners[0].Client, inX, new { text = "X" });
        await SubmittedAsync(world.Learners[1].Client, inX, new { text = "X" });
        await SubmittedAsync(world.Learners[0].Client, inY, new { text = "Y" });
        var menteeInY = await SubmittedAsync(world.Learners[1].Client, inY, new { text = "Y" });

        (await ItemsAsync(world.Mentor, "/api/v1/me/to-grade")).Select(i => i!["submissionId"]!.GetValue<Guid>()).Should().BeEquivalentTo([menteeInX, menteeInY]);
        (await ItemsAsync(world.Trainer, "/api/v1/me/to-grade")).Should().HaveCount(4);
    }

    [Test]
    public async Task Both_lists_run_the_same_number_of_queries_for_2_and_for_12_learners_and_assignments()
    {
        async Task<(int, int)> QueriesFor(int size)
        {
            var world = await AssessmentWorld.CreateAsync(_factory, size);
            var ids = new List<Guid>();
            for (var i = 0; i < size; i++)
            {
                ids.Add((await world.CreateAsync(AssessmentWorld.TextAssignment($"Devoir {i}")))["id"]!.GetValue<Guid>());
            }

            foreach (var learner in world.Learners)
            {
                await SubmittedAsync(learner.Client, ids[0], new { text = "Rendu" });
            }

            await SubmittedAsync(world.Learners[0].Client, ids[1], new { text = "Rendu" });
            await _factory.OutboxDispatchedAsync();
            _factory.Queries.Reset();
            (await ItemsAsync(world.Learners[0].Client, "/api/v1/me/assignments?pageSize=100")).Should().HaveCount(size);
            var learnerQueries = _factory.Queries.Count;
            _factory.Queries.Reset();
            (await ItemsAsync(world.Trainer, "/api/v1/me/to-grade?pageSize=100")).Should().HaveCount(size + 1);
            var trainerQueries = _factory.Queries.Count;
            _factory.Queries.Reset();
            (await ItemsAsync(world.Mentor, "/api/v1/me/to-grade?pageSize=100")).Should().HaveCount(2);
            return (learnerQueries, trainerQueries * 1000 + _factory.Queries.Count);
        }

        (await QueriesFor(12)).Should().Be(await QueriesFor(2));
    }
}
