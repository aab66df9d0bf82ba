using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Assessment;
using Spoc.Api.Tests.Community.Sessions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Certification;

/// <summary>
/// An <see cref="AssessmentWorld"/> whose figures are known by hand. The course has competencies C1 "Planifier" and C2, two
/// activities and one rubric assignment "Dossier" (10 points, one criterion on C1 worth 0, 5 or 10); one live session.
/// Learner 0: both activities done (100 %), 10/10 (grade 100, passed, C1 100), present (100 %).
/// Learner 1: one activity (50 %), 5/10 (grade 50 = the pass mark: passed, C1 50 mastered), absent (0 %).
/// Learner 2: nothing done (0 %), 0/10 (grade 0, failed, C1 0), no attendance recorded (null).
/// </summary>
public sealed class CertificationWorld
{
    private CertificationWorld(AssessmentWorld world, Guid assignmentId)
    {
        World = world;
        AssignmentId = assignmentId;
    }

    public AssessmentWorld World { get; }
    public Guid AssignmentId { get; }
    public Guid CohortId => World.CohortId;
    public HttpClient Trainer => World.Trainer;
    public HttpClient Mentor => World.Mentor;
    public HttpClient Learner(int i) => World.Learners[i].Client;
    public Guid LearnerId(int i) => World.Learners[i].Id;
    public string Cohort => $"/api/v1/cohorts/{CohortId}";

    /// <summary>The rules every learner is measured against in these tests.</summary>
    public object Rules => new
    {
        minFinalGrade = 50m, minCompletionPercent = 50, minAttendancePercent = 75,
        requiredAssignmentIds = new[] { AssignmentId }, requiredCompetencyCodes = new[] { "c1" },
    };

    public static async Task<CertificationWorld> CreateAsync(SpocApiFactory factory, int learners = 3, bool figures = true)
    {
        var w = await AssessmentWorld.CreateAsync(factory, learners);
        await w.WithTwoCompetenciesAsync();
        var courseId = w.World.CourseId;
        var section = (await (await w.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/sections", new { title = "Semaine 1" })).ReadJsonAsync())["id"]!.GetValue<Guid>();
        var activities = new List<Guid>();
        foreach (var title in new[] { "Lire", "Regarder" })
        {
            var created = await w.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/activities", new { sectionId = section, kind = "Preparation", title, offsetDays = 0, durationMinutes = 10 });
            created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            activities.Add((await created.ReadJsonAsync())["id"]!.GetValue<Guid>());
        }

        (await w.Trainer.PutAsJsonAsync($"/api/v1/courses/{courseId}", new
        {
            title = "Management de projet", language = "fr", isPublished = true,
            competencies = new[] { new { code = "C1", title = "Planifier" }, new { code = "C2", title = "Communiquer" } },
        })).StatusCode.Should().Be(HttpStatusCode.OK);
        var assignment = await w.CreateAsync(AssessmentWorld.RubricAssignment(10m, AssessmentWorld.Criterion("Planification", "C1", 0m, 5m, 10m)));
        var world = new CertificationWorld(w, assignment["id"]!.GetValue<Guid>());
        if (!figures)
        {
            return world;
        }

        foreach (var (learner, done) in new[] { (0, 2), (1, 1) })
        {
            foreach (var activity in activities.Take(done))
            {
                (await world.Learner(learner).PostAsync($"{world.Cohort}/activities/{activity}/completion", null)).IsSuccessStatusCode.Should().BeTrue();
            }
        }

        for (var learner = 0; learner < 3; learner++)
        {
            var submitted = await world.Learner(learner).PostAsJsonAsync($"/api/v1/assignments/{world.AssignmentId}/submissions", new { text = "Mon dossier" });
            submitted.StatusCode.Should().Be(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
            var (criterionId, levelId) = AssessmentWorld.Pick(assignment, 0, 2 - learner);
            var graded = await w.Trainer.PutAsJsonAsync($"/api/v1/submissions/{(await submitted.ReadJsonAsync())["id"]}/grade",
                new { status = "Released", rubricScores = new[] { new { criterionId, levelId } } });
            graded.StatusCode.Should().Be(HttpStatusCode.OK, await graded.Content.ReadAsStringAsync());
        }

        var session = await w.Trainer.PostAsJsonAsync($"{world.Cohort}/sessions", SessionWorld.VirtualClass(TimeSpan.FromDays(-1)));
        session.StatusCode.Should().Be(HttpStatusCode.Created, await session.Content.ReadAsStringAsync());
        var sessionId = (await session.ReadJsonAsync())["id"]!.GetValue<Guid>();
        var records = new[] { new { userId = world.LearnerId(0), status = "Present" }, new { userId = world.LearnerId(1), status = "Absent" } };
        var recorded = await w.Trainer.PutAsJsonAsync($"/api/v1/sessions/{sessionId}/attendance", new { records });
        recorded.StatusCode.Should().Be(HttpStatusCode.NoContent, await recorded.Content.ReadAsStringAsync());
        return world;
    }

    public async Task<JsonObject> SetRulesAsync(object rules)
    {
        var response = await Trainer.PutAsJsonAsync($"{Cohort}/certification/rules", rules);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public Task<HttpResponseMessage> IssueAsync(object body, HttpClient? by = null) => (by ?? Trainer).PostAsJsonAsync($"{Cohort}/certificates", body);
}
