using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Assessment;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.FollowUp.Features.Signals;

namespace Spoc.Api.Tests.FollowUp;

/// <summary>
/// The follow-up journal (docs/adr/0036): private notes, actions (an extension moves the learner's due dates in Courses,
/// once), the timeline, and the learner's "mon suivi", which shows the actions and never a note.
/// </summary>
public sealed class JournalTests
{
    private SpocApiFactory _factory = null!;
    private AssessmentWorld _w = null!;

    private Guid Mentee => _w.Learners[0].Id;
    private Guid Other => _w.Learners[1].Id;
    private string Journal(Guid learner) => $"/api/v1/cohorts/{_w.CohortId}/members/{learner}";

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _w = await AssessmentWorld.CreateAsync(_factory, learners: 3);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private static async Task<JsonObject> CreatedAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient by, string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return by.SendAsync(request);
    }

    private async Task<JsonArray> ShiftsAsync(Guid learner) =>
        (await (await _w.Trainer.GetAsync($"{Journal(learner)}/pacing")).ReadJsonAsync())["shifts"]!.AsArray();

    [Test]
    public async Task Notes_are_written_and_read_by_the_staff_and_the_own_mentor_never_by_the_learner()
    {
        var note = await CreatedAsync(await _w.Mentor.PostAsJsonAsync($"{Journal(Mentee)}/notes", new { body = "Appel **difficile** <script>alert(1)</script>\nÀ rappeler." }));
        note["bodyHtml"]!.GetValue<string>().Should().Contain("<strong>difficile</strong>").And.NotContain("<script");
        note["mine"]!.GetValue<bool>().Should().BeTrue();
        note["authorName"]!.GetValue<string>().Should().NotBeEmpty();
        await CreatedAsync(await _w.Trainer.PostAsJsonAsync($"{Journal(Mentee)}/notes", new { body = "Vu en classe." }));

        var list = await (await _w.Trainer.GetAsync($"{Journal(Mentee)}/notes")).ReadJsonAsync();
        list["items"]!.AsArray().Take(2).Select(n => n!["body"]!.GetValue<string>()).Should().Equal("Vu en classe.", "Appel **difficile** <script>alert(1)</script>\nÀ rappeler.");
        list["items"]![1]!["mine"]!.GetValue<bool>().Should().BeFalse("the trainer reads the mentor's note");

        // The learner, another mentor's learner, an outsider, someone never in the cohort.
        await (await _w.Learners[0].Client.GetAsync($"{Journal(Mentee)}/notes")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _w.Learners[0].Client.PostAsJsonAsync($"{Journal(Mentee)}/notes", new { body = "Moi" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _w.Mentor.GetAsync($"{Journal(Other)}/notes")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _w.Mentor.PostAsJsonAsync($"{Journal(Other)}/notes", new { body = "Pas le mien" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await (await _factory.NewUserAsync("outsider")).Client.GetAsync($"{Journal(Mentee)}/notes")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _w.Trainer.GetAsync($"{Journal(Guid.NewGuid())}/notes")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _w.Trainer.PostAsJsonAsync($"{Journal(Mentee)}/notes", new { body = " " })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Test]
    public async Task Only_its_author_deletes_a_note()
    {
        var id = (await CreatedAsync(await _w.Mentor.PostAsJsonAsync($"{Journal(Mentee)}/notes", new { body = "Premier jet" })))["id"]!.GetValue<Guid>();
        await (await _w.Trainer.DeleteAsync($"{Journal(Mentee)}/notes/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _w.Mentor.DeleteAsync($"{Journal(Other)}/notes/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _w.Trainer.DeleteAsync($"{Journal(Other)}/notes/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        (await _w.Mentor.DeleteAsync($"{Journal(Mentee)}/notes/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var left = (await (await _w.Mentor.GetAsync($"{Journal(Mentee)}/notes?pageSize=100")).ReadJsonAsync())["items"]!.AsArray();
        left.Select(n => n!["id"]!.GetValue<Guid>()).Should().NotContain(id);
    }

    [Test]
    public async Task An_extension_moves_the_learners_due_dates_once_and_cancelling_it_takes_it_back()
    {
        var learner = _w.Learners[2].Id;
        var pacingTag = (await _w.Trainer.GetAsync($"{Journal(learner)}/pacing")).Headers.ETag!.Tag;
        var action = await CreatedAsync(await _w.Trainer.PostAsJsonAsync($"{Journal(learner)}/actions",
            new { kind = "Extension", title = "Une semaine de plus", dueOn = "2027-03-01", extensionDays = 7 }));
        action["extensionDays"]!.GetValue<int>().Should().Be(7);
        action["status"]!.GetValue<string>().Should().Be("Open");
        var shifts = await ShiftsAsync(learner);
        shifts.Should().ContainSingle();
        shifts[0]!["days"]!.GetValue<int>().Should().Be(7);
        shifts[0]!["activityId"].Should().BeNull("every due date moves");
        (await _w.Trainer.GetAsync($"{Journal(learner)}/pacing")).Headers.ETag!.Tag.Should().NotBe(pacingTag, "a pacing screen opened before cannot overwrite it unawares");

        // Applied again (a retry): still one extension of 7 days.
        var actionId = action["id"]!.GetValue<Guid>();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ExtendDueDates(_w.CohortId, learner, 7, _w.World.TrainerId, actionId));
        }

        (await ShiftsAsync(learner)).Should().ContainSingle();

        var url = $"{Journal(learner)}/actions/{actionId}";
        await (await PatchAsync(_w.Trainer, url, new { status = "Cancelled" }, "\"00000000000000000000000000000000\"")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        var cancelled = await PatchAsync(_w.Trainer, url, new { status = "Cancelled" }, $"\"{action["version"]!.GetValue<Guid>():N}\"");
        cancelled.StatusCode.Should().Be(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
        (await cancelled.ReadJsonAsync())["status"]!.GetValue<string>().Should().Be("Cancelled");
        (await ShiftsAsync(learner)).Should().BeEmpty("the extension is taken back");
        await (await PatchAsync(_w.Trainer, url, new { status = "Done" }, null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "action-closed");
    }

    [Test]
    public async Task Actions_take_the_fields_of_their_kind_and_are_listed_open_first()
    {
        async Task Invalid(object body) =>
            await (await _w.Mentor.PostAsJsonAsync($"{Journal(Mentee)}/actions", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await Invalid(new { kind = "Extension", title = "Sans jours", dueOn = "2027-03-01" });
        await Invalid(new { kind = "Extension", title = "Trop", dueOn = "2027-03-01", extensionDays = 61 });
        await Invalid(new { kind = "Call", title = "Appel", dueOn = "2027-03-01", extensionDays = 3 });
        await Invalid(new { kind = "Resource", title = "Lien", dueOn = "2027-03-01", resourceUrl = "javascript:alert(1)" });
        await Invalid(new { kind = "Resource", title = "Sans lien", dueOn = "2027-03-01" });
        await (await _w.Mentor.PostAsJsonAsync($"{Journal(Other)}/actions", new { kind = "Call", title = "Pas le mien", dueOn = "2027-03-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _w.Learners[0].Client.GetAsync($"{Journal(Mentee)}/actions")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var call = await CreatedAsync(await _w.Mentor.PostAsJsonAsync($"{Journal(Mentee)}/actions", new { kind = "Call", title = "Appel de suivi", dueOn = "2027-02-01" }));
        var resource = await CreatedAsync(await _w.Mentor.PostAsJsonAsync($"{Journal(Mentee)}/actions",
            new { kind = "Resource", title = "Fiche Gantt", dueOn = "2027-02-10", resourceUrl = "https://example.com/gantt" }));
        resource["resourceUrl"]!.GetValue<string>().Should().Be("https://example.com/gantt");
        var done = await PatchAsync(_w.Mentor, $"{Journal(Mentee)}/actions/{call["id"]}", new { status = "Done" }, null);
        (await done.ReadJsonAsync())["doneBy"].Should().NotBeNull();

        var items = (await (await _w.Trainer.GetAsync($"{Journal(Mentee)}/actions?pageSize=100")).ReadJsonAsync())["items"]!.AsArray();
        var mine = items.Where(a => a!["id"]!.GetValue<Guid>() == call["id"]!.GetValue<Guid>() || a!["id"]!.GetValue<Guid>() == resource["id"]!.GetValue<Guid>()).ToList();
        mine.Select(a => a!["title"]!.GetValue<string>()).Should().Equal("Fiche Gantt", "Appel de suivi");
    }

    [Test]
    public async Task The_timeline_merges_notes_actions_and_facts_newest_first_at_a_constant_cost()
    {
        var learner = _w.Learners[1].Id;

        // Their enrolment is a real fact; grades stand in for Assessment's (the signals tests' business), inserted directly.
        await TestApi.EventuallyAsync(async () =>
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<FollowUpDbContext>().LearnerEvents.AnyAsync(e => e.LearnerId == learner && e.Kind == LearnerEventKind.Enrolled);
        }, "their enrolment reached the follow-up");
        async Task FactsAsync(int count)
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
            db.LearnerEvents.AddRange(Enumerable.Range(0, count).Select(i => new LearnerEvent
            {
                CohortId = _w.CohortId, LearnerId = learner, Kind = LearnerEventKind.GradeReleased,
                SubjectId = Guid.NewGuid(), At = DateTimeOffset.UtcNow.AddSeconds(-i), ActorId = _w.World.TrainerId, Value = 75m,
            }));
            await db.SaveChangesAsync();
        }

        await FactsAsync(1);
        await CreatedAsync(await _w.Trainer.PostAsJsonAsync($"{Journal(learner)}/notes", new { body = "Note privée" }));
        await CreatedAsync(await _w.Trainer.PostAsJsonAsync($"{Journal(learner)}/actions", new { kind = "Meeting", title = "Point", dueOn = "2027-03-01" }));

        var timeline = await (await _w.Trainer.GetAsync($"{Journal(learner)}/timeline?pageSize=3")).ReadJsonAsync();
        timeline["totalCount"]!.GetValue<int>().Should().Be(4);
        var entries = timeline["items"]!.AsArray();
        entries.Select(e => e!["type"]!.GetValue<string>()).Should().Equal("Action", "Note", "Fact");
        entries[2]!["fact"]!["kind"]!.GetValue<string>().Should().Be("GradeReleased");
        entries[2]!["fact"]!["actorName"]!.GetValue<string>().Should().NotBeEmpty();
        var second = (await (await _w.Trainer.GetAsync($"{Journal(learner)}/timeline?page=2&pageSize=3")).ReadJsonAsync())["items"]!.AsArray();
        second.Select(e => e!["fact"]!["kind"]!.GetValue<string>()).Should().Equal("Enrolled");

        await (await _w.Learners[1].Client.GetAsync($"{Journal(learner)}/timeline")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _w.Mentor.GetAsync($"{Journal(learner)}/timeline")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        async Task<int> CostAsync()
        {
            _factory.Queries.Reset();
            (await _w.Trainer.GetAsync($"{Journal(learner)}/timeline?pageSize=20")).StatusCode.Should().Be(HttpStatusCode.OK);
            return _factory.Queries.Count;
        }

        var small = await CostAsync();
        await FactsAsync(200);
        (await CostAsync()).Should().Be(small, "the same statements for 4 entries and for 204");
    }

    [Test]
    public async Task Mon_suivi_shows_my_progress_skills_next_steps_and_the_extension_but_never_a_note()
    {
        var (me, learner) = (_w.Learners[0].Client, Mentee);
        async Task<JsonNode> MineAsync() => (await (await me.GetAsync("/api/v1/me/follow-up")).ReadJsonAsync())["cohorts"]!.AsArray().Single()!;
        await TestApi.EventuallyAsync(async () => (await MineAsync())["progress"]!["status"]!.GetValue<string>() != "Unknown", "their enrolment reached the follow-up");

        // A course with two lessons (due two and ten days after the start: the cohort started a week ago) and an assignment due in five days.
        var section = (await CreatedAsync(await _w.Trainer.PostAsJsonAsync($"/api/v1/courses/{_w.World.CourseId}/sections", new { title = "Semaine 1" })))["id"]!.GetValue<Guid>();
        foreach (var (title, due) in new[] { ("Lire le plan", 2), ("Construire un Gantt", 10) })
        {
            await CreatedAsync(await _w.Trainer.PostAsJsonAsync($"/api/v1/courses/{_w.World.CourseId}/activities",
                new { sectionId = section, kind = "Lesson", title, offsetDays = 0, dueOffsetDays = due, durationMinutes = 20 }));
        }

        (await _w.Trainer.PutAsJsonAsync($"/api/v1/courses/{_w.World.CourseId}", new { title = "Management de projet", language = "fr", isPublished = true,
            competencies = new[] { new { code = "C1", title = "Planifier" } } })).StatusCode.Should().Be(HttpStatusCode.OK);
        var assignment = await _w.CreateAsync(AssessmentWorld.TextAssignment("Note de cadrage", dueInDays: 5));
        var plainDue = (await (await _w.Trainer.GetAsync($"/api/v1/cohorts/{_w.CohortId}/schedule")).ReadJsonAsync())["activities"]!.AsArray()
            .Single(a => a!["title"]!.GetValue<string>() == "Construire un Gantt")!["dueAt"]!.GetValue<DateTimeOffset>();

        // The periodic sweep sees the first lesson fall due; an acquired skill stands in for Assessment's mastery (the skills tests' business).
        await _factory.Services.GetRequiredService<SignalsSweep>().SweepOnceAsync(CancellationToken.None);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
            var skill = await db.Skills.FirstOrDefaultAsync(k => k.CohortId == _w.CohortId && k.LearnerId == learner && k.CompetencyCode == "C1")
                ?? db.Skills.Add(new SkillAcquisition { CohortId = _w.CohortId, LearnerId = learner, CompetencyCode = "C1" }).Entity;
            (skill.Mastery, skill.AcquiredAt, skill.UpdatedAt) = (80m, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var behind = (await MineAsync())["progress"]!;
        (behind["status"]!.GetValue<string>(), behind["gap"]!.GetValue<int>()).Should().Be(("Behind", -1));

        await CreatedAsync(await _w.Mentor.PostAsJsonAsync($"{Journal(learner)}/notes", new { body = "SECRET: fragile en ce moment" }));
        await CreatedAsync(await _w.Mentor.PostAsJsonAsync($"{Journal(learner)}/actions", new { kind = "Extension", title = "Délai accordé", dueOn = "2027-03-01", extensionDays = 7 }));

        var response = await me.GetAsync("/api/v1/me/follow-up");
        var raw = await response.Content.ReadAsStringAsync();
        raw.Should().NotContain("SECRET", "a note never reaches the learner");
        var cohort = (await response.ReadJsonAsync())["cohorts"]!.AsArray().Single()!;
        cohort["skills"]![0]!["title"]!.GetValue<string>().Should().Be("Planifier");
        var extension = cohort["actions"]!.AsArray().Single(a => a!["kind"]!.GetValue<string>() == "Extension")!;
        extension["extensionDays"]!.GetValue<int>().Should().Be(7);
        extension["authorName"]!.GetValue<string>().Should().NotBeEmpty();

        await TestApi.EventuallyAsync(async () => (await MineAsync())["progress"]!["status"]!.GetValue<string>() == "OnPlan",
            "a week more: the first lesson is not due yet on their own schedule");
        var next = cohort["nextActivities"]!.AsArray();
        next.Select(a => a!["title"]!.GetValue<string>()).Should().Equal("Lire le plan", "Construire un Gantt");
        next[1]!["dueAt"]!.GetValue<DateTimeOffset>().Should().Be(plainDue.AddDays(7), "their own due date, the extension applied");
        var nextWork = cohort["nextAssignments"]!.AsArray().Single()!;
        nextWork["assignmentId"]!.GetValue<Guid>().Should().Be(assignment["id"]!.GetValue<Guid>());
        nextWork["dueAt"]!.GetValue<DateTimeOffset>().Should().BeAfter(assignment["dueAt"]!.GetValue<DateTimeOffset>().AddDays(6));

        (await (await _w.Trainer.GetAsync("/api/v1/me/follow-up")).ReadJsonAsync())["cohorts"]!.AsArray().Should().BeEmpty("staff learn nowhere");
    }

    [Test]
    public async Task Mon_suivi_runs_the_same_statements_for_one_action_and_for_forty()
    {
        var (me, learner) = (_w.Learners[2].Client, _w.Learners[2].Id);
        async Task ActionsAsync(int count)
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
            db.Actions.AddRange(Enumerable.Range(0, count).Select(i => new FollowUpAction
            {
                CohortId = _w.CohortId, LearnerId = learner, AuthorId = _w.World.TrainerId, Kind = FollowUpActionKind.Call, Title = $"Appel {i}",
                DueOn = new DateOnly(2027, 3, 1).AddDays(i), CreatedAt = DateTimeOffset.UtcNow,
            }));
            await db.SaveChangesAsync();
        }

        async Task<int> CostAsync()
        {
            _factory.Queries.Reset();
            (await me.GetAsync("/api/v1/me/follow-up")).StatusCode.Should().Be(HttpStatusCode.OK);
            return _factory.Queries.Count;
        }

        // A skill of their own from the start: another test of this fixture publishes a competency, and the skills projection
        // may then add this learner's row in the background, between the two counts (Mon suivi reads the competencies only
        // for a learner who has skills).
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
            if (!await db.Skills.AnyAsync(k => k.CohortId == _w.CohortId && k.LearnerId == learner))
            {
                db.Skills.Add(new SkillAcquisition { CohortId = _w.CohortId, LearnerId = learner, CompetencyCode = "C9", Mastery = 50m, UpdatedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            }
        }

        await ActionsAsync(1);
        var one = await CostAsync();
        await ActionsAsync(39);
        (await CostAsync()).Should().Be(one);
    }
}
