using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Community.Sessions;

/// <summary>Scheduling, reading, moving and cancelling live sessions; the flipped classroom's checklist and readiness roster.</summary>
public sealed class SessionTests
{
    private SpocApiFactory _factory = null!;
    private SessionWorld _w = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _w = await SessionWorld.CreateAsync(_factory);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private static IEnumerable<Guid> Ids(JsonNode? items) => items!.AsArray().Select(i => i!["id"]!.GetValue<Guid>());

    [Test]
    public async Task The_learner_s_agenda_flags_a_session_still_to_prepare_and_staff_s_agenda_does_not()
    {
        var prepared = (await _w.ScheduleAsync(SessionWorld.VirtualClass(TimeSpan.FromDays(3), [_w.PreparationIds[0]])))["id"]!.GetValue<Guid>();
        var bare = (await _w.ScheduleAsync(SessionWorld.VirtualClass(TimeSpan.FromDays(4))))["id"]!.GetValue<Guid>();
        var range = $"from={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(10).ToString("O"))}";
        async Task<bool?> FlagAsync(HttpClient by, Guid session) =>
            (await SessionWorld.GetAsync(by, $"/api/v1/me/agenda?{range}"))["entries"]!.AsArray()
                .Single(e => e!["id"]!.GetValue<Guid>() == session)!["preparationDone"]?.GetValue<bool>();

        (await FlagAsync(_w.Learner(2), prepared)).Should().BeFalse();
        (await FlagAsync(_w.Learner(2), bare)).Should().BeNull("nothing to prepare");
        (await FlagAsync(_w.Trainer, prepared)).Should().BeNull("staff do not prepare");

        await _w.CompleteAsync(2, _w.PreparationIds[0]);
        (await FlagAsync(_w.Learner(2), prepared)).Should().BeTrue();
    }

    [Test]
    public async Task A_virtual_class_with_preparation_shows_each_learner_their_checklist_and_the_link_only_when_it_is_time()
    {
        var created = await _w.ScheduleAsync(SessionWorld.VirtualClass(TimeSpan.FromDays(2), _w.PreparationIds));
        var id = created["id"]!.GetValue<Guid>();
        created["descriptionHtml"]!.GetValue<string>().Should().Contain("<strong>vos questions</strong>").And.NotContain("<script");
        created["meetingUrl"]!.GetValue<string>().Should().Be("https://visio.example.test/planifier", "staff always see the link");
        created["preparations"]!.AsArray().Select(p => p!["title"]!.GetValue<string>()).Should().Equal("Lire le cas Dupont", "Vidéo : le chemin critique");
        created["timeZone"]!.GetValue<string>().Should().Be("Europe/Paris");

        var early = await SessionWorld.GetAsync(_w.Learner(1), $"/api/v1/sessions/{id}");
        early["meetingUrl"].Should().BeNull("two days before, a learner does not get the link");
        early["ready"]!.GetValue<bool>().Should().BeFalse();
        early["checkInCode"].Should().BeNull();

        await _w.CompleteAsync(1, _w.PreparationIds[0]);
        var half = await SessionWorld.GetAsync(_w.Learner(1), $"/api/v1/sessions/{id}");
        half["preparations"]!.AsArray().Select(p => p!["done"]!.GetValue<bool>()).Should().Equal(true, false);
        half["ready"]!.GetValue<bool>().Should().BeFalse();
        await _w.CompleteAsync(1, _w.PreparationIds[1]);
        (await SessionWorld.GetAsync(_w.Learner(1), $"/api/v1/sessions/{id}"))["ready"]!.GetValue<bool>().Should().BeTrue();
        var listed = (await SessionWorld.GetAsync(_w.Learner(1), $"/api/v1/cohorts/{_w.CohortId}/sessions?pageSize=100"))["items"]!.AsArray()
            .Single(s => s!["id"]!.GetValue<Guid>() == id)!;
        listed["preparations"]!.AsArray().Select(p => p!["done"]!.GetValue<bool>()).Should().Equal([true, true], "the list tells a learner what the session's page does");
        listed["ready"]!.GetValue<bool>().Should().BeTrue();
        (await SessionWorld.GetAsync(_w.Learner(2), $"/api/v1/cohorts/{_w.CohortId}/sessions?pageSize=100"))["items"]!.AsArray()
            .Single(s => s!["id"]!.GetValue<Guid>() == id)!["ready"]!.GetValue<bool>().Should().BeFalse("each learner sees their own checklist");
        (await SessionWorld.GetAsync(_w.Mentor, $"/api/v1/sessions/{id}"))["meetingUrl"]!.GetValue<string>().Should().NotBeNull("a mentor is staff for the link");

        var soon = (await _w.ScheduleAsync(SessionWorld.VirtualClass(TimeSpan.FromMinutes(10))))["id"]!.GetValue<Guid>();
        (await SessionWorld.GetAsync(_w.Learner(1), $"/api/v1/sessions/{soon}"))["meetingUrl"]!.GetValue<string>().Should().Be("https://visio.example.test/planifier");
    }

    [Test]
    public async Task Bad_sessions_are_400_with_the_field_in_question()
    {
        async Task ExpectAsync(Action<Dictionary<string, object?>> change, string field)
        {
            var body = SessionWorld.VirtualClass(TimeSpan.FromDays(3));
            change(body);
            var problem = await (await _w.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{_w.CohortId}/sessions", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
            problem["errors"]!.AsObject().Select(e => e.Key).Should().Contain(field, problem.ToJsonString());
        }

        await ExpectAsync(b => (b["startsAt"], b["endsAt"]) = (b["endsAt"], b["startsAt"]), "endsAt");
        await ExpectAsync(b => b["meetingUrl"] = "http://visio.example.test/x", "meetingUrl");
        await ExpectAsync(b => b["meetingUrl"] = null, "meetingUrl");
        await ExpectAsync(b => (b["kind"], b["meetingUrl"]) = ("InPerson", null), "place");
        await ExpectAsync(b => b["place"] = "Campus Nord", "place");
        await ExpectAsync(b => b["preparationActivityIds"] = new[] { Guid.NewGuid() }, "preparationActivityIds");
        await ExpectAsync(b => b["repeatWeekly"] = new { count = 60 }, "repeatWeekly.count");

        var inPerson = await _w.ScheduleAsync(new
        {
            title = "Journée en présentiel", kind = "InPerson", startsAt = DateTimeOffset.UtcNow.AddDays(9), endsAt = DateTimeOffset.UtcNow.AddDays(9).AddHours(7),
            location = "Campus Nord", room = "B204", address = "12 rue des Écoles, Lyon",
        });
        (inPerson["place"]!.GetValue<string>(), inPerson["room"]!.GetValue<string>()).Should().Be(("Campus Nord", "B204"));
    }

    [Test]
    public async Task Only_staff_schedule_and_a_groups_session_is_seen_by_that_group_and_the_staff_only()
    {
        await (await _w.Learner(0).PostAsJsonAsync($"/api/v1/cohorts/{_w.CohortId}/sessions", SessionWorld.VirtualClass(TimeSpan.FromDays(1)))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _w.Mentor.PostAsJsonAsync($"/api/v1/cohorts/{_w.CohortId}/sessions", SessionWorld.VirtualClass(TimeSpan.FromDays(1)))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var outsider = (await _factory.NewUserAsync("outsider")).Client;
        await (await outsider.GetAsync($"/api/v1/cohorts/{_w.CohortId}/sessions")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        var body = SessionWorld.VirtualClass(TimeSpan.FromDays(40));
        body["groupId"] = _w.Forum.Alpha;
        var alpha = (await _w.ScheduleAsync(body))["id"]!.GetValue<Guid>();
        body["groupId"] = Guid.NewGuid();
        await (await _w.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{_w.CohortId}/sessions", body)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        var window = $"/api/v1/cohorts/{_w.CohortId}/sessions?from={DateTimeOffset.UtcNow.AddDays(39):O}&to={DateTimeOffset.UtcNow.AddDays(41):O}".Replace("+", "%2B", StringComparison.Ordinal);
        Ids((await SessionWorld.GetAsync(_w.Learner(1), window))["items"]).Should().Equal(alpha);
        Ids((await SessionWorld.GetAsync(_w.Mentor, window))["items"]).Should().Equal(alpha);
        Ids((await SessionWorld.GetAsync(_w.Learner(2), window))["items"]).Should().BeEmpty();
        await (await _w.Learner(2).GetAsync($"/api/v1/sessions/{alpha}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await outsider.GetAsync($"/api/v1/sessions/{alpha}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task A_weekly_series_across_the_end_of_october_keeps_18_00_in_paris_and_one_occurrence_moves_alone()
    {
        // 14 October 2027, 18:00 in Paris (UTC+2); summer time ends on 31 October (UTC+1).
        var body = SessionWorld.VirtualClass(TimeSpan.Zero, now: new DateTimeOffset(2027, 10, 14, 16, 0, 0, TimeSpan.Zero));
        body["repeatWeekly"] = new { count = 4 };
        var first = await _w.ScheduleAsync(body);
        first["occurrence"]!.GetValue<int>().Should().Be(1);

        var list = await SessionWorld.GetAsync(_w.Learner(0), $"/api/v1/cohorts/{_w.CohortId}/sessions?from=2027-10-01T00:00:00Z&to=2027-11-30T00:00:00Z");
        var items = list["items"]!.AsArray();
        items.Select(i => i!["startsAt"]!.GetValue<DateTimeOffset>()).Should().Equal(
            new DateTimeOffset(2027, 10, 14, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 10, 21, 16, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2027, 10, 28, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 11, 4, 17, 0, 0, TimeSpan.Zero));
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        items.Select(i => TimeZoneInfo.ConvertTime(i!["startsAt"]!.GetValue<DateTimeOffset>(), paris).TimeOfDay).Should().AllBeEquivalentTo(new TimeSpan(18, 0, 0));
        items.Select(i => i!["seriesId"]!.GetValue<Guid>()).Distinct().Should().HaveCount(1);

        var third = items[2]!["id"]!.GetValue<Guid>();
        var read = await _w.Trainer.GetAsync($"/api/v1/sessions/{third}");
        var etag = read.Headers.ETag!.ToString();
        var moved = await SessionWorld.PatchAsync(_w.Trainer, third, new { startsAt = "2027-10-29T08:00:00Z", endsAt = "2027-10-29T09:30:00Z" }, etag);
        moved.StatusCode.Should().Be(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        (await moved.ReadJsonAsync())["sequence"]!.GetValue<int>().Should().Be(1);
        (await SessionWorld.PatchAsync(_w.Trainer, third, new { title = "Encore" }, etag)).StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        await (await SessionWorld.PatchAsync(_w.Trainer, third, new { endsAt = "2027-10-29T07:00:00Z" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await SessionWorld.PatchAsync(_w.Mentor, third, new { title = "Non" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var after = (await SessionWorld.GetAsync(_w.Learner(0), $"/api/v1/cohorts/{_w.CohortId}/sessions?from=2027-10-01T00:00:00Z&to=2027-11-30T00:00:00Z"))["items"]!.AsArray();
        after.Select(i => i!["startsAt"]!.GetValue<DateTimeOffset>()).Should().Contain(new DateTimeOffset(2027, 10, 21, 16, 0, 0, TimeSpan.Zero))
            .And.Contain(new DateTimeOffset(2027, 10, 29, 8, 0, 0, TimeSpan.Zero)).And.Contain(new DateTimeOffset(2027, 11, 4, 17, 0, 0, TimeSpan.Zero));
    }

    [Test]
    public async Task Cancelling_the_rest_of_a_series_tells_every_learner_concerned_and_the_staff_with_the_reason()
    {
        var body = SessionWorld.VirtualClass(TimeSpan.FromDays(60));
        body["repeatWeekly"] = new { count = 3 };
        body["groupId"] = _w.Forum.Beta;
        var first = (await _w.ScheduleAsync(body))["id"]!.GetValue<Guid>();
        var series = (await SessionWorld.GetAsync(_w.Trainer, $"/api/v1/cohorts/{_w.CohortId}/sessions?from={DateTimeOffset.UtcNow.AddDays(59):yyyy-MM-dd}T00:00:00Z&to={DateTimeOffset.UtcNow.AddDays(80):yyyy-MM-dd}T00:00:00Z"))["items"]!.AsArray()
            .Where(i => i!["groupId"]?.GetValue<Guid>() == _w.Forum.Beta).ToList();
        series.Should().HaveCount(3);
        var second = series[1]!["id"]!.GetValue<Guid>();

        await (await _w.Learner(2).PostAsJsonAsync($"/api/v1/sessions/{second}/cancel", new { reason = "Non" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await _w.Trainer.PostAsJsonAsync($"/api/v1/sessions/{second}/cancel", new { reason = "Formateur malade", restOfSeries = true })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _w.Trainer.PostAsJsonAsync($"/api/v1/sessions/{second}/cancel", new { reason = "Encore" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session-cancelled");

        (await SessionWorld.GetAsync(_w.Trainer, $"/api/v1/sessions/{first}"))["cancelledAt"].Should().BeNull("the earlier occurrence stays");
        foreach (var later in series.Skip(1).Select(s => s!["id"]!.GetValue<Guid>()))
        {
            var cancelled = await SessionWorld.GetAsync(_w.Trainer, $"/api/v1/sessions/{later}");
            (cancelled["cancellationReason"]!.GetValue<string>(), cancelled["sequence"]!.GetValue<int>()).Should().Be(("Formateur malade", 1));
        }

        async Task<List<JsonNode>> CancellationsOf(HttpClient who) =>
            (await SessionWorld.GetAsync(who, "/api/v1/me/notifications"))["items"]!.AsArray().Where(n => n!["kind"]!.GetValue<string>() == "SessionCancelled").Select(n => n!).ToList();
        (await CancellationsOf(_w.Learner(2))).Should().ContainSingle().Which["summary"]!.GetValue<string>().Should().Be("Formateur malade");
        (await CancellationsOf(_w.Mentor)).Should().ContainSingle();
        (await CancellationsOf(_w.Learner(0))).Should().BeEmpty("the session was Beta's");
        (await CancellationsOf(_w.Trainer)).Should().BeEmpty("the trainer cancelled it");
    }

    [Test]
    public async Task The_readiness_roster_shows_staff_each_learner_and_a_mentor_their_own()
    {
        var id = (await _w.ScheduleAsync(SessionWorld.VirtualClass(TimeSpan.FromDays(5), _w.PreparationIds)))["id"]!.GetValue<Guid>();
        await _w.CompleteAsync(3, _w.PreparationIds[0]);
        await _w.CompleteAsync(3, _w.PreparationIds[1]);
        await _w.CompleteAsync(0, _w.PreparationIds[1]);

        var roster = await SessionWorld.GetAsync(_w.Trainer, $"/api/v1/sessions/{id}/readiness");
        roster["totalCount"]!.GetValue<int>().Should().Be(4);
        var rows = roster["items"]!.AsArray().ToDictionary(r => r!["userId"]!.GetValue<Guid>());
        rows[_w.LearnerId(3)]!["ready"]!.GetValue<bool>().Should().BeTrue();
        rows[_w.LearnerId(0)]!["ready"]!.GetValue<bool>().Should().BeFalse();
        rows[_w.LearnerId(0)]!["done"]!.AsArray().Select(d => d!.GetValue<Guid>()).Should().Equal(_w.PreparationIds[1]);
        roster["readyCount"]!.GetValue<int>().Should().Be(rows.Values.Count(r => r!["ready"]!.GetValue<bool>()));

        var mentors = await SessionWorld.GetAsync(_w.Mentor, $"/api/v1/sessions/{id}/readiness");
        mentors["items"]!.AsArray().Select(r => r!["userId"]!.GetValue<Guid>()).Should().Equal(_w.LearnerId(0));
        await (await _w.Learner(0).GetAsync($"/api/v1/sessions/{id}/readiness")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
