using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Spoc.Api.Tests.Assessment;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Community.Sessions;

/// <summary>The readiness roster and the attendance sheet run the same statements for 10 learners and for 60.</summary>
public sealed class SessionCostTests
{
    private SpocApiFactory _factory = null!;
    private AssessmentWorld _w = null!;
    private Guid _forTen;
    private Guid _forSixty;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _w = await AssessmentWorld.CreateAsync(_factory, learners: 60);
        var courseId = _w.World.CourseId;
        var section = (await (await _w.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/sections", new { title = "Semaine 1" })).ReadJsonAsync())["id"]!.GetValue<Guid>();
        var preparations = new List<Guid>();
        foreach (var title in new[] { "Lire", "Regarder", "S'exercer" })
        {
            var created = await _w.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/activities", new { sectionId = section, kind = "Preparation", title, offsetDays = 0, durationMinutes = 10 });
            preparations.Add((await created.ReadJsonAsync())["id"]!.GetValue<Guid>());
        }

        (await _w.Trainer.PutAsJsonAsync($"/api/v1/courses/{courseId}", new { title = "Management de projet", language = "fr", isPublished = true })).StatusCode.Should().Be(HttpStatusCode.OK);
        var group = await _w.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{_w.CohortId}/groups", new { name = "Dix", memberIds = _w.Learners.Take(10).Select(l => l.Id).ToArray() });
        group.StatusCode.Should().Be(HttpStatusCode.Created, await group.Content.ReadAsStringAsync());
        var groupId = (await group.ReadJsonAsync())["id"]!.GetValue<Guid>();

        async Task<Guid> ScheduleAsync(Guid? forGroup)
        {
            var body = SessionWorld.VirtualClass(TimeSpan.FromDays(2), preparations);
            body["groupId"] = forGroup;
            var response = await _w.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{_w.CohortId}/sessions", body);
            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
        }

        (_forTen, _forSixty) = (await ScheduleAsync(groupId), await ScheduleAsync(null));

        // Every third learner did some of the preparation; every fifth has an attendance record at each session.
        for (var i = 0; i < 60; i += 3)
        {
            foreach (var activity in preparations.Take(1 + (i % 3)))
            {
                (await _w.Learners[i].Client.PostAsync($"/api/v1/cohorts/{_w.CohortId}/activities/{activity}/completion", null)).IsSuccessStatusCode.Should().BeTrue();
            }
        }

        foreach (var (session, learners) in new[] { (_forTen, 10), (_forSixty, 60) })
        {
            var records = Enumerable.Range(0, learners).Where(i => i % 5 == 0).Select(i => new { userId = _w.Learners[i].Id, status = i % 2 == 0 ? "Present" : "Absent" }).ToArray();
            (await _w.Trainer.PutAsJsonAsync($"/api/v1/sessions/{session}/attendance", new { records })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        }
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private async Task<(int Statements, int Rows)> CountAsync(string url)
    {
        _factory.Queries.Reset();
        var response = await _w.Trainer.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var statements = _factory.Queries.Count;
        return (statements, (await response.ReadJsonAsync())["totalCount"]!.GetValue<int>());
    }

    [TestCase("readiness")]
    [TestCase("attendance")]
    public async Task Ten_learners_and_sixty_cost_the_same_statements(string route)
    {
        var ten = await CountAsync($"/api/v1/sessions/{_forTen}/{route}?pageSize=100");
        var sixty = await CountAsync($"/api/v1/sessions/{_forSixty}/{route}?pageSize=100");
        (ten.Rows, sixty.Rows).Should().Be((10, 60));
        sixty.Statements.Should().Be(ten.Statements);
    }
}
