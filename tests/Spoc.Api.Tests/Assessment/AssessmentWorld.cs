using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Cohorts;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Assessment;

/// <summary>A cohort that started a week ago, with a trainer, a mentor of the first learner, and enrolled learners.</summary>
public sealed class AssessmentWorld
{
    private AssessmentWorld(CohortWorld world, Guid cohortId, HttpClient mentor, IReadOnlyList<(HttpClient Client, Guid Id, string Email)> learners)
    {
        World = world;
        CohortId = cohortId;
        Mentor = mentor;
        Learners = learners;
    }

    public CohortWorld World { get; }
    public HttpClient Trainer => World.Trainer;
    public Guid CohortId { get; }
    public HttpClient Mentor { get; }
    public IReadOnlyList<(HttpClient Client, Guid Id, string Email)> Learners { get; }

    public static async Task<AssessmentWorld> CreateAsync(SpocApiFactory factory, int learners = 2)
    {
        var world = await CohortWorld.CreateAsync(factory);
        var startsOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7);
        var start = startsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var cohort = await world.Trainer.PostAsJsonAsync("/api/v1/cohorts", new
        {
            courseId = world.CourseId, title = "Cohorte évaluée", capacity = 200, startsOn = startsOn.ToString("yyyy-MM-dd"), endsOn = startsOn.AddDays(90).ToString("yyyy-MM-dd"),
            applicationsOpenAt = start.AddDays(-30), applicationsCloseAt = start.AddDays(-2), admissionMode = "OrganizationEnrollment",
            organizationIds = new[] { world.OrganizationId }, timeZone = "Europe/Paris",
        });
        cohort.StatusCode.Should().Be(HttpStatusCode.Created, await cohort.Content.ReadAsStringAsync());
        var cohortId = (await cohort.ReadJsonAsync())["id"]!.GetValue<Guid>();

        var people = await world.LearnersAsync(learners);
        var enrolled = await world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/enrolments", new { emails = people.Select(p => p.Email).ToArray() });
        (await enrolled.ReadJsonAsync())["enrolled"]!.GetValue<int>().Should().Be(learners);

        var (mentor, mentorId, mentorEmail) = await factory.NewUserAsync("mentor");
        await world.Admin.AddMemberAsync(world.OrganizationId, mentorEmail, "Mentor");
        (await world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/members", new { email = mentorEmail, role = "Mentor" })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{cohortId}/members/{people[0].Id}/mentor", new { mentorId })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        return new AssessmentWorld(world, cohortId, mentor, people);
    }

    /// <summary>A text assignment, released yesterday and due in <paramref name="dueInDays"/> days.</summary>
    public static Dictionary<string, object?> TextAssignment(string title = "Note de cadrage", int dueInDays = 7, bool isPublished = true) => new()
    {
        ["kind"] = "Text", ["title"] = title, ["instructions"] = "Rédigez **une page** <script>alert(1)</script>", ["maxPoints"] = 20m,
        ["category"] = "Devoirs", ["isPublished"] = isPublished, ["releaseAt"] = DateTimeOffset.UtcNow.AddDays(-1), ["dueAt"] = DateTimeOffset.UtcNow.AddDays(dueInDays),
        ["allowResubmission"] = true, ["latePolicy"] = "AcceptAndFlag",
    };

    /// <summary>A quiz with one question of each type (1 + 2 + 3 + 4 = 10 points).</summary>
    public static Dictionary<string, object?> Quiz(int dueInDays = 7, int? maxAttempts = 2) => new()
    {
        ["kind"] = "Quiz", ["title"] = "Quiz planification", ["maxPoints"] = 10m, ["category"] = "Quiz", ["isPublished"] = true,
        ["releaseAt"] = DateTimeOffset.UtcNow.AddDays(-10), ["dueAt"] = DateTimeOffset.UtcNow.AddDays(dueInDays), ["allowResubmission"] = true,
        ["latePolicy"] = "Refuse", ["maxAttempts"] = maxAttempts,
        ["questions"] = new object[]
        {
            new { type = "SingleChoice", prompt = "Le chemin critique est…", points = 1m, choices = new[] { new { text = "le plus long", correct = true }, new { text = "le plus court", correct = false } } },
            new { type = "MultipleChoice", prompt = "Des livrables :", points = 2m, choices = new[] { new { text = "Cahier des charges", correct = true }, new { text = "Café", correct = false }, new { text = "Planning", correct = true } } },
            new { type = "Numeric", prompt = "Marge totale (jours) ?", points = 3m, answer = 2.5m, tolerance = 0.5m },
            new { type = "ShortText", prompt = "Diagramme des tâches ?", points = 4m, accepted = new[] { "Gantt", "diagramme de Gantt" } },
        },
    };

    /// <summary>The course's competencies become C1 "Planifier" and C2 "Communiquer".</summary>
    public async Task WithTwoCompetenciesAsync()
    {
        var course = await Trainer.PutAsJsonAsync($"/api/v1/courses/{World.CourseId}", new
        {
            title = "Management de projet", language = "fr", isPublished = true,
            competencies = new[] { new { code = "C1", title = "Planifier" }, new { code = "C2", title = "Communiquer" } },
        });
        course.StatusCode.Should().Be(HttpStatusCode.OK, await course.Content.ReadAsStringAsync());
    }

    /// <summary>A criterion whose levels are worth <paramref name="points"/>, lowest first, named L0, L1... (a level's title is "L" + its index).</summary>
    public static object Criterion(string title, string? competencyCode, params decimal[] points) => new
    {
        title, description = $"Critère {title}", competencyCode, levels = points.Select((p, i) => new { title = $"L{i}", points = p }).ToArray(),
    };

    /// <summary>A text assignment graded with a rubric (no late penalty: it accepts late work and flags it).</summary>
    public static Dictionary<string, object?> RubricAssignment(decimal maxPoints, params object[] criteria)
    {
        var assignment = TextAssignment("Dossier avec grille");
        assignment["maxPoints"] = maxPoints;
        assignment["rubric"] = new { criteria };
        return assignment;
    }

    /// <summary>The id of the criterion at <paramref name="criterion"/> and of its level at <paramref name="level"/>, from an assignment as the API answers it.</summary>
    public static (Guid CriterionId, Guid LevelId) Pick(JsonObject assignment, int criterion, int level)
    {
        var c = assignment["rubric"]!["criteria"]![criterion]!;
        return (c["id"]!.GetValue<Guid>(), c["levels"]![level]!["id"]!.GetValue<Guid>());
    }

    /// <summary>PUT a grade, with <paramref name="ifMatch"/> as <c>If-Match</c> when given.</summary>
    public static Task<HttpResponseMessage> GradeAsync(HttpClient by, Guid submissionId, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/submissions/{submissionId}/grade") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return by.SendAsync(request);
    }

    /// <summary>Learner <paramref name="learner"/> hands in a text; the new attempt's id.</summary>
    public async Task<Guid> SubmitAsync(int learner, Guid assignmentId, string text = "Mon travail")
    {
        var response = await Learners[learner].Client.PostAsJsonAsync($"/api/v1/assignments/{assignmentId}/submissions", new { text });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    public async Task<JsonObject> CreateAsync(object body)
    {
        var response = await Trainer.PostAsJsonAsync($"/api/v1/cohorts/{CohortId}/assignments", body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }
}
