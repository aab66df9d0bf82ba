using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using ClosedXML.Excel;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Spoc.Api.Tests.Assessment;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Courses.Contracts;

namespace Spoc.Api.Tests.FollowUp;

/// <summary>
/// Skills analytics, figures by hand. The course has C1 "Planifier" and C2 "Communiquer" and three activities: Lire (C1),
/// Pratiquer (C1, C2), Conclure (none). "Dossier" assesses C1 (0, 5 or 10 points); the pass mark (threshold) is 50 %.
/// Learner 0 (the mentor's): Lire and Pratiquer done, Dossier 10/10 handed in at T0 (C1 100 %, acquired at T0), then
/// "Reprise" (C1 0/10) handed in a day later: C1 falls to 0 % but stays acquired at T0.
/// Learner 1: Lire done, Dossier 0/10 (C1 0 %, in progress); one test has them complete Pratiquer too. Learner 2: nothing (not started).
/// </summary>
public sealed class SkillsTests
{
    private SpocApiFactory _factory = null!;
    private AssessmentWorld _world = null!;
    private FakeTimeProvider _clock = null!;
    private DateTimeOffset _t0;
    private HttpClient _outsider = null!;
    private readonly Dictionary<string, Guid> _activities = [];

    private string Cohort => $"/api/v1/cohorts/{_world.CohortId}";
    private (HttpClient Client, Guid Id, string Email) Learner(int i) => _world.Learners[i];

    [OneTimeSetUp]
    public async Task Start()
    {
        _clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _factory = new SpocApiFactory { Clock = _clock };
        _world = await AssessmentWorld.CreateAsync(_factory, learners: 3);
        _outsider = (await _factory.NewUserAsync("outsider")).Client; // signed in before the clock moves on: its token is valid now
        await _world.WithTwoCompetenciesAsync();
        var courseId = _world.World.CourseId;
        var section = (await (await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/sections", new { title = "Semaine 1" })).ReadJsonAsync())["id"]!.GetValue<Guid>();
        foreach (var (title, codes) in new[] { ("Lire", new[] { "C1" }), ("Pratiquer", new[] { "c1", "C2" }), ("Conclure", Array.Empty<string>()) })
        {
            var created = await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/activities",
                new { sectionId = section, kind = "Preparation", title, offsetDays = 0, durationMinutes = 10, competencyCodes = codes });
            created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            _activities[title] = (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();
        }

        await CompleteAsync(0, "Lire");
        await CompleteAsync(0, "Pratiquer");
        await CompleteAsync(1, "Lire");
        var dossier = await _world.CreateAsync(AssessmentWorld.RubricAssignment(10m, AssessmentWorld.Criterion("Planification", "C1", 0m, 5m, 10m)));
        _t0 = _clock.GetUtcNow();
        await HandInAndGradeAsync(0, dossier, 2);
        await HandInAndGradeAsync(1, dossier, 0);
        _clock.Advance(TimeSpan.FromDays(1));
        var reprise = await _world.CreateAsync(AssessmentWorld.RubricAssignment(10m, AssessmentWorld.Criterion("Planification", "C1", 0m, 5m, 10m)));
        await HandInAndGradeAsync(0, reprise, 0);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private async Task CompleteAsync(int learner, string activity) =>
        (await Learner(learner).Client.PostAsync($"{Cohort}/activities/{_activities[activity]}/completion", null)).IsSuccessStatusCode.Should().BeTrue();

    private async Task HandInAndGradeAsync(int learner, JsonObject assignment, int level)
    {
        var submitted = await Learner(learner).Client.PostAsJsonAsync($"/api/v1/assignments/{assignment["id"]}/submissions", new { text = "Mon dossier" });
        submitted.StatusCode.Should().Be(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var (criterionId, levelId) = AssessmentWorld.Pick(assignment, 0, level);
        var graded = await _world.Trainer.PutAsJsonAsync($"/api/v1/submissions/{(await submitted.ReadJsonAsync())["id"]}/grade",
            new { status = "Released", rubricScores = new[] { new { criterionId, levelId } } });
        graded.StatusCode.Should().Be(HttpStatusCode.OK, await graded.Content.ReadAsStringAsync());
    }

    private async Task<JsonObject> SkillsOfAsync(int learner, HttpClient? by = null)
    {
        var response = await (by ?? _world.Trainer).GetAsync($"{Cohort}/members/{Learner(learner).Id}/skills");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static JsonNode Skill(JsonObject skills, string code) =>
        skills["competencies"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == code)!["skill"]!;

    /// <summary>What the events have brought in once every one of them is handled.</summary>
    private Task SettledAsync() => TestApi.EventuallyAsync(async () =>
    {
        var skill = Skill(await SkillsOfAsync(0), "C1");
        return skill["mastery"]!.GetValue<decimal>() == 0m && skill["activitiesDone"]!.GetValue<int>() == 2;
    }, "the learner's grades and completions have reached their skills");

    [Test]
    public async Task A_learner_s_competencies_carry_mastery_activities_and_the_date_first_acquired()
    {
        await SettledAsync();
        var first = await SkillsOfAsync(0, Learner(0).Client);
        first["threshold"]!.GetValue<decimal>().Should().Be(50m);
        first["competencies"]!.AsArray().Select(c => (c!["code"]!.GetValue<string>(), c["title"]!.GetValue<string>())).Should().Equal(("C1", "Planifier"), ("C2", "Communiquer"));
        var c1 = Skill(first, "C1");
        c1["mastery"]!.GetValue<decimal>().Should().Be(0m, "the latest grade on C1 is 0/10");
        c1["acquiredAt"]!.GetValue<DateTimeOffset>().Should().Be(_t0, "acquired with the first dossier, handed in at T0, and kept");
        c1["status"]!.GetValue<string>().Should().Be("Acquired");
        (c1["activitiesDone"]!.GetValue<int>(), c1["activitiesTotal"]!.GetValue<int>()).Should().Be((2, 2));
        var c2 = Skill(first, "C2");
        (c2["mastery"], c2["acquiredAt"], c2["status"]!.GetValue<string>(), c2["activitiesDone"]!.GetValue<int>(), c2["activitiesTotal"]!.GetValue<int>())
            .Should().Be((null, null, "InProgress", 1, 1));

        var second = Skill(await SkillsOfAsync(1), "C1");
        (second["mastery"]!.GetValue<decimal>(), second["status"]!.GetValue<string>(), second["acquiredAt"]).Should().Be((0m, "InProgress", null));
        Skill(await SkillsOfAsync(2), "C1")["status"]!.GetValue<string>().Should().Be("NotStarted");
    }

    [Test]
    public async Task A_completion_arriving_later_updates_the_rows_and_a_replayed_one_counts_once()
    {
        await SettledAsync();
        await TestApi.EventuallyAsync(async () => Skill(await SkillsOfAsync(1), "C1")["activitiesDone"]!.GetValue<int>() == 1, "Lire reached the skills");
        Skill(await SkillsOfAsync(1), "C2")["activitiesDone"]!.GetValue<int>().Should().Be(0);
        await CompleteAsync(1, "Pratiquer");
        await TestApi.EventuallyAsync(async () => Skill(await SkillsOfAsync(1), "C2")["activitiesDone"]!.GetValue<int>() == 1, "the completion reached the skills");

        // Another delivery of the same fact (a new event id: past the inbox) recomputes, never adds.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(new ActivityCompleted(_world.CohortId, Learner(1).Id, _activities["Pratiquer"], _clock.GetUtcNow()));
        }

        var after = await SkillsOfAsync(1);
        (Skill(after, "C1")["activitiesDone"]!.GetValue<int>(), Skill(after, "C2")["activitiesDone"]!.GetValue<int>()).Should().Be((2, 1));
    }

    [Test]
    public async Task Who_may_read_a_learner_s_skills()
    {
        var other = $"{Cohort}/members/{Learner(1).Id}/skills";
        (await _world.Mentor.GetAsync($"{Cohort}/members/{Learner(0).Id}/skills")).StatusCode.Should().Be(HttpStatusCode.OK, "the mentor's own learner");
        await (await _world.Mentor.GetAsync(other)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Learner(0).Client.GetAsync(other)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _outsider.GetAsync(other)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _world.Trainer.GetAsync($"{Cohort}/members/{Guid.NewGuid()}/skills")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task The_matrix_gives_every_cell_the_distribution_and_the_progress_week_by_week()
    {
        await SettledAsync();
        var response = await _world.Trainer.GetAsync($"{Cohort}/skills?pageSize=2");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var skills = await response.ReadJsonAsync();
        skills["competencies"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).Should().Equal("C1", "C2");
        var learners = skills["learners"]!;
        (learners["totalCount"]!.GetValue<int>(), learners["pageSize"]!.GetValue<int>()).Should().Be((3, 2));
        // Learners share a name here, so their order within it is their ids': Learner(0) may be on either page.
        var second = (await (await _world.Trainer.GetAsync($"{Cohort}/skills?pageSize=2&page=2")).ReadJsonAsync())["learners"]!["items"]!.AsArray();
        second.Should().ContainSingle();
        var row = learners["items"]!.AsArray().Concat(second).Single(r => r!["learnerId"]!.GetValue<Guid>() == Learner(0).Id)!;
        row["cells"]!.AsArray().Select(c => c!["status"]!.GetValue<string>()).Should().Equal("Acquired", "InProgress");

        var c1 = skills["distribution"]!.AsArray().Single(d => d!["code"]!.GetValue<string>() == "C1")!;
        (c1["acquired"]!.GetValue<int>(), c1["inProgress"]!.GetValue<int>(), c1["notStarted"]!.GetValue<int>()).Should().Be((1, 1, 1));
        (c1["noEvidence"]!.GetValue<int>(), c1["below25"]!.GetValue<int>(), c1["from75"]!.GetValue<int>()).Should().Be((1, 2, 0));

        // The cohort started a week before T0: two weeks, the second ending today (T0 + 1 day).
        var progress = skills["progress"]!.AsArray();
        progress.Should().HaveCount(2);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        DateOnly.Parse(progress[^1]!["weekEnding"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).Should().Be(today);
        // 1 acquired of 3 learners × 2 competencies; 3 completions of 3 learners × 3 activities (a later test may add one).
        progress[^1]!["acquiredPercent"]!.GetValue<decimal>().Should().Be(16.7m);
        progress[^1]!["completionPercent"]!.GetValue<decimal>().Should().BeOneOf(33.3m, 44.4m);
        progress[0]!["acquiredPercent"]!.GetValue<decimal>().Should().Be(0m, "nothing was acquired in the first week");

        await (await _world.Mentor.GetAsync($"{Cohort}/skills")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Learner(0).Client.GetAsync($"{Cohort}/skills")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _world.Trainer.GetAsync($"{Cohort}/skills?pageSize=101")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Test]
    public async Task The_csv_export_is_French_Excel_ready_and_the_xlsx_holds_the_same_figures()
    {
        await SettledAsync();
        var response = await _world.Trainer.GetAsync($"{Cohort}/skills/export?format=csv");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.ToString().Should().Be("text/csv; charset=utf-8");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("Apprenant;Email;C1 Planifier : maîtrise (%);C1 : activités faites (sur 2);C1 : acquise le;C2 Communiquer : maîtrise (%);C2 : activités faites (sur 1);C2 : acquise le");
        lines.Should().HaveCount(4);
        lines.Should().Contain($"learner;{Learner(0).Email};0;2;{_t0:yyyy-MM-dd};;1;");

        var xlsx = await _world.Trainer.GetAsync($"{Cohort}/skills/export?format=xlsx");
        xlsx.StatusCode.Should().Be(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        sheet.Cell(1, 3).GetString().Should().Be("C1 Planifier : maîtrise (%)");
        var row = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == Learner(0).Email);
        (row.Cell(3).GetValue<decimal>(), row.Cell(4).GetValue<int>(), row.Cell(5).GetDateTime()).Should().Be((0m, 2, _t0.UtcDateTime.Date));
        sheet.RowsUsed().Count().Should().Be(4);

        await (await _world.Mentor.GetAsync($"{Cohort}/skills/export")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _world.Trainer.GetAsync($"{Cohort}/skills/export?format=pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }
}
