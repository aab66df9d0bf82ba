using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AwesomeAssertions;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Assessment;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;

namespace Spoc.Api.Tests.Community;

/// <summary>
/// The calendar (issue 13, point 4): the secret feed URL, the .ics read back by an independent parser (Ical.Net's reader)
/// event by event, and the JSON agendas. Learners 0 and 1 are in group Alpha, 2 in Beta, 3 in none (<see cref="ForumWorld"/>).
/// Paris changes to summer time on 28 March 2027: a session at 10:00 before and one at 10:00 after are an hour apart in UTC.
/// </summary>
public sealed class CalendarTests
{
    private static readonly DateTimeOffset BeforeDst = new(2027, 3, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterDst = new(2027, 3, 30, 8, 0, 0, TimeSpan.Zero);

    private SpocApiFactory _factory = null!;
    private ForumWorld _w = null!;
    private Guid _wholeCohort;
    private Guid _cancelled;
    private Guid _alphaOnly;
    private Guid _betaOnly;
    private Guid _otherCohort;
    private Guid _assignmentId;
    private DateTimeOffset _dueAt;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _w = await ForumWorld.CreateAsync(_factory);
        _wholeCohort = await SessionAsync(_w.CohortId, null, "Classe virtuelle 1", SessionKind.VirtualClass, BeforeDst);
        _cancelled = await SessionAsync(_w.CohortId, null, "Webinaire annulé", SessionKind.Webinar, AfterDst, cancelled: true);
        _alphaOnly = await SessionAsync(_w.CohortId, _w.Alpha, "Atelier Alpha", SessionKind.InPerson, AfterDst.AddDays(1));
        _betaOnly = await SessionAsync(_w.CohortId, _w.Beta, "Atelier Beta", SessionKind.InPerson, AfterDst.AddDays(2));
        _otherCohort = await SessionAsync(Guid.NewGuid(), null, "Ailleurs", SessionKind.Webinar, AfterDst);

        var assignment = AssessmentWorld.TextAssignment("Note de cadrage", dueInDays: 10);
        _dueAt = (DateTimeOffset)assignment["dueAt"]!;
        _assignmentId = (await _w.World.CreateAsync(assignment))["id"]!.GetValue<Guid>();

        // Learner 0's pacing gives them a week more: their own due date is a week later.
        (await _w.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{_w.CohortId}/members/{_w.LearnerId(0)}/pacing", new { shifts = new[] { new { days = 7 } } }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    /// <summary>Sessions are written straight into Community's table: creating them is the sessions part's route, not this one's.</summary>
    private async Task<Guid> SessionAsync(Guid cohortId, Guid? groupId, string title, SessionKind kind, DateTimeOffset startsAt, bool cancelled = false)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var session = new LiveSession
        {
            CohortId = cohortId, GroupId = groupId, Title = title, Kind = kind, StartsAt = startsAt, EndsAt = startsAt.AddHours(2),
            MeetingUrl = kind == SessionKind.InPerson ? null : "https://meet.example.test/secret-room",
            Place = kind == SessionKind.InPerson ? "Campus Nord" : null, Room = kind == SessionKind.InPerson ? "B204" : null,
            CancelledAt = cancelled ? DateTimeOffset.UtcNow : null, CancellationReason = cancelled ? "Formateur malade" : null, Sequence = cancelled ? 1 : 0,
            CreatedBy = _w.TrainerId, CreatedAt = DateTimeOffset.UtcNow.AddDays(-3), UpdatedAt = DateTimeOffset.UtcNow.AddDays(-2),
        };
        db.LiveSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    private static async Task<(string Url, string Token)> SubscribeAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/v1/me/calendar-feed", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.ReadJsonAsync();
        return (body["url"]!.GetValue<string>(), body["token"]!.GetValue<string>());
    }

    /// <summary>The feed as a calendar app reads it: anonymous, at the path of the URL it was given.</summary>
    private async Task<HttpResponseMessage> FetchAsync(string url, string? ifNoneMatch = null)
    {
        using var anonymous = _factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url).PathAndQuery);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        }

        return await anonymous.SendAsync(request);
    }

    private async Task<(Ical.Net.Calendar Calendar, string Text)> CalendarAsync(string url)
    {
        var response = await FetchAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        var text = await response.Content.ReadAsStringAsync();
        return (Ical.Net.Calendar.Load(text)!, text);
    }

    private static CalendarEvent Event(Ical.Net.Calendar calendar, string uid) => calendar.Events.Single(e => e.Uid == uid);

    [Test]
    public async Task A_learner_feed_holds_their_sessions_and_own_due_date_in_Paris_time_across_the_DST_change()
    {
        var (url, _) = await SubscribeAsync(_w.Learner(0));
        url.Should().Contain("/api/v1/me/calendar.ics?token=");
        var (calendar, text) = await CalendarAsync(url);

        calendar.Events.Select(e => e.Uid).Should().BeEquivalentTo(
            $"{_wholeCohort}@spoc", $"{_cancelled}@spoc", $"{_alphaOnly}@spoc", $"{_assignmentId}-{_w.LearnerId(0)}@spoc");
        calendar.TimeZones.Select(z => z.TzId).Should().Equal("Europe/Paris");
        text.Should().NotContain("meet.example.test", "the meeting link stays on the session page, shown to members near the start");

        var before = Event(calendar, $"{_wholeCohort}@spoc");
        before.Summary.Should().Be("Classe virtuelle 1");
        before.DtStart!.TzId.Should().Be("Europe/Paris");
        (before.DtStart.Hour, before.DtStart.Minute).Should().Be((10, 0), "09:00 UTC is 10:00 in Paris in winter");
        before.DtStart.AsUtc.Should().Be(BeforeDst.UtcDateTime);
        before.DtEnd!.AsUtc.Should().Be(BeforeDst.AddHours(2).UtcDateTime);
        before.Status.Should().Be("CONFIRMED");
        before.Sequence.Should().Be(0);
        before.Url!.ToString().Should().EndWith($"/sessions/{_wholeCohort}");

        var after = Event(calendar, $"{_cancelled}@spoc");
        (after.DtStart!.TzId, after.DtStart.Hour, after.DtStart.Minute).Should().Be(("Europe/Paris", 10, 0), "08:00 UTC is 10:00 in Paris in summer");
        after.DtStart.AsUtc.Should().Be(AfterDst.UtcDateTime);
        after.Status.Should().Be("CANCELLED");
        after.Sequence.Should().Be(1);

        var alpha = Event(calendar, $"{_alphaOnly}@spoc");
        alpha.Location.Should().Be("Campus Nord, B204");
        alpha.DtStart!.AsUtc.Should().Be(AfterDst.AddDays(1).UtcDateTime);

        var due = Event(calendar, $"{_assignmentId}-{_w.LearnerId(0)}@spoc");
        due.Summary.Should().Be("À rendre : Note de cadrage");
        due.DtStart!.TzId.Should().Be("Europe/Paris");
        due.DtStart.AsUtc.Should().BeCloseTo(_dueAt.AddDays(7).UtcDateTime, TimeSpan.FromSeconds(1), "their pacing shift of a week applies");
        calendar.Events.Should().OnlyContain(e => e.DtStamp != null && e.Created != null);
    }

    [Test]
    public async Task A_moved_then_cancelled_session_bumps_its_sequence_keeps_its_uid_and_changes_the_etag()
    {
        // Out of the other tests' March range before and after the move.
        var session = await SessionAsync(_w.CohortId, _w.Beta, "Atelier mobile", SessionKind.InPerson, BeforeDst.AddDays(-10));
        var (url, _) = await SubscribeAsync(_w.Learner(2));
        var first = await FetchAsync(url);
        var etag = first.Headers.ETag!.ToString();
        (await FetchAsync(url, etag)).StatusCode.Should().Be(HttpStatusCode.NotModified, "nothing changed");

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
            await db.LiveSessions.Where(s => s.Id == session).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.StartsAt, AfterDst.AddDays(20)).SetProperty(x => x.EndsAt, AfterDst.AddDays(20).AddHours(1))
                .SetProperty(x => x.Sequence, 1).SetProperty(x => x.UpdatedAt, DateTimeOffset.UtcNow));
        }

        var moved = await FetchAsync(url, etag);
        moved.StatusCode.Should().Be(HttpStatusCode.OK, "the feed changed");
        var movedEvent = Event(Ical.Net.Calendar.Load(await moved.Content.ReadAsStringAsync())!, $"{session}@spoc");
        (movedEvent.Sequence, movedEvent.Status, movedEvent.DtStart!.Hour).Should().Be((1, "CONFIRMED", 10));
        movedEvent.DtStart.AsUtc.Should().Be(AfterDst.AddDays(20).UtcDateTime);

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
            await db.LiveSessions.Where(s => s.Id == session).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.CancelledAt, DateTimeOffset.UtcNow).SetProperty(x => x.Sequence, 2).SetProperty(x => x.UpdatedAt, DateTimeOffset.UtcNow));
        }

        var (calendar, _) = await CalendarAsync(url);
        var cancelled = Event(calendar, $"{session}@spoc");
        (cancelled.Sequence, cancelled.Status).Should().Be((2, "CANCELLED"));
    }

    [Test]
    public async Task Nobody_reads_anyone_else_s_sessions_or_due_dates()
    {
        var (beta, _) = await CalendarAsync((await SubscribeAsync(_w.Learner(2))).Url);
        beta.Events.Select(e => e.Uid).Should().Contain([$"{_wholeCohort}@spoc", $"{_betaOnly}@spoc", $"{_assignmentId}-{_w.LearnerId(2)}@spoc"])
            .And.NotContain([$"{_alphaOnly}@spoc", $"{_assignmentId}-{_w.LearnerId(0)}@spoc", $"{_otherCohort}@spoc"]);
        Event(beta, $"{_assignmentId}-{_w.LearnerId(2)}@spoc").DtStart!.AsUtc.Should().BeCloseTo(_dueAt.UtcDateTime, TimeSpan.FromSeconds(1), "no shift: the cohort's due date");

        var (outsider, _, _) = await _factory.NewUserAsync("outsider");
        var (nothing, _) = await CalendarAsync((await SubscribeAsync(outsider)).Url);
        nothing.Events.Should().BeEmpty();

        var (trainer, _) = await CalendarAsync((await SubscribeAsync(_w.Trainer)).Url);
        trainer.Events.Select(e => e.Uid).Should().Contain([$"{_alphaOnly}@spoc", $"{_betaOnly}@spoc"], "staff see every group's sessions")
            .And.NotContain(u => u.Contains(_assignmentId.ToString(), StringComparison.Ordinal), "a trainer has no due date of their own");
    }

    [Test]
    public async Task A_regenerated_or_revoked_url_is_refused()
    {
        var client = (await _factory.NewUserAsync("subscriber")).Client;
        (await (await client.GetAsync("/api/v1/me/calendar-feed")).ReadJsonAsync())["active"]!.GetValue<bool>().Should().BeFalse();

        var (first, _) = await SubscribeAsync(client);
        (await FetchAsync(first)).StatusCode.Should().Be(HttpStatusCode.OK);
        var status = await (await client.GetAsync("/api/v1/me/calendar-feed")).ReadJsonAsync();
        status["active"]!.GetValue<bool>().Should().BeTrue();
        status.ToJsonString().Should().NotContain("token", "the secret is shown once");

        var (second, _) = await SubscribeAsync(client);
        second.Should().NotBe(first);
        await (await FetchAsync(first)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        (await FetchAsync(second)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await client.DeleteAsync("/api/v1/me/calendar-feed")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await FetchAsync(second)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        (await (await client.GetAsync("/api/v1/me/calendar-feed")).ReadJsonAsync())["active"]!.GetValue<bool>().Should().BeFalse();

        await (await FetchAsync("http://localhost/api/v1/me/calendar.ics?token=guess")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await FetchAsync("http://localhost/api/v1/me/calendar.ics")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Test]
    public async Task The_cohort_feed_gives_staff_every_session_and_the_general_due_dates()
    {
        var (_, token) = await SubscribeAsync(_w.Mentor);
        var (calendar, _) = await CalendarAsync($"http://localhost/api/v1/cohorts/{_w.CohortId}/calendar.ics?token={token}");
        calendar.Events.Select(e => e.Uid).Should().Contain([$"{_wholeCohort}@spoc", $"{_cancelled}@spoc", $"{_alphaOnly}@spoc", $"{_betaOnly}@spoc", $"{_assignmentId}@spoc"])
            .And.NotContain($"{_otherCohort}@spoc");
        Event(calendar, $"{_assignmentId}@spoc").DtStart!.AsUtc.Should().BeCloseTo(_dueAt.UtcDateTime, TimeSpan.FromSeconds(1));

        var (_, learnerToken) = await SubscribeAsync(_w.Learner(1));
        await (await FetchAsync($"http://localhost/api/v1/cohorts/{_w.CohortId}/calendar.ics?token={learnerToken}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await FetchAsync($"http://localhost/api/v1/cohorts/{Guid.NewGuid()}/calendar.ics?token={token}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    private static string Range(DateTimeOffset from, DateTimeOffset to) => $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";

    [Test]
    public async Task The_agendas_merge_sessions_and_due_dates_as_each_reader_may_see_them()
    {
        var march = Range(new DateTimeOffset(2027, 3, 20, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 4, 10, 0, 0, 0, TimeSpan.Zero));
        var mine = await (await _w.Learner(0).GetAsync($"/api/v1/me/agenda?{march}")).ReadJsonAsync();
        var entries = mine["entries"]!.AsArray();
        entries.Select(e => e!["id"]!.GetValue<Guid>()).Should().Equal(_wholeCohort, _cancelled, _alphaOnly);
        entries[1]!["isCancelled"]!.GetValue<bool>().Should().BeTrue();
        entries[0]!["timeZone"]!.GetValue<string>().Should().Be("Europe/Paris");
        entries[2]!["location"]!.GetValue<string>().Should().Be("Campus Nord, B204");

        var soon = Range(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30));
        var due = (await (await _w.Learner(0).GetAsync($"/api/v1/me/agenda?{soon}")).ReadJsonAsync())["entries"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "DueDate")!;
        due["id"]!.GetValue<Guid>().Should().Be(_assignmentId);
        due["startsAt"]!.GetValue<DateTimeOffset>().Should().BeCloseTo(_dueAt.AddDays(7), TimeSpan.FromSeconds(1));

        var cohort = $"/api/v1/cohorts/{_w.CohortId}/agenda?{march}";
        (await (await _w.Learner(2).GetAsync(cohort)).ReadJsonAsync())["entries"]!.AsArray().Select(e => e!["id"]!.GetValue<Guid>())
            .Should().Equal(_wholeCohort, _cancelled, _betaOnly);
        (await (await _w.Trainer.GetAsync(cohort)).ReadJsonAsync())["entries"]!.AsArray().Select(e => e!["id"]!.GetValue<Guid>())
            .Should().Equal(_wholeCohort, _cancelled, _alphaOnly, _betaOnly);
        var general = (await (await _w.Trainer.GetAsync($"/api/v1/cohorts/{_w.CohortId}/agenda?{soon}")).ReadJsonAsync())["entries"]!.AsArray()
            .Single(e => e!["kind"]!.GetValue<string>() == "DueDate")!;
        general["startsAt"]!.GetValue<DateTimeOffset>().Should().BeCloseTo(_dueAt, TimeSpan.FromSeconds(1), "staff see the cohort's due date");

        var (outsider, _, _) = await _factory.NewUserAsync("outsider");
        await (await outsider.GetAsync(cohort)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task A_learner_s_due_date_is_in_the_range_it_falls_in_once_shifted_not_in_the_cohort_s()
    {
        async Task<bool> DueIn(HttpClient learner, DateTimeOffset from, DateTimeOffset to) =>
            (await (await learner.GetAsync($"/api/v1/me/agenda?{Range(from, to)}")).ReadJsonAsync())["entries"]!.AsArray()
                .Any(e => e!["kind"]!.GetValue<string>() == "DueDate" && e["id"]!.GetValue<Guid>() == _assignmentId);

        var (aroundTheCohort, aroundTheirs) = ((_dueAt.AddDays(-1), _dueAt.AddDays(1)), (_dueAt.AddDays(6), _dueAt.AddDays(8)));
        (await DueIn(_w.Learner(0), aroundTheCohort.Item1, aroundTheCohort.Item2)).Should().BeFalse("their week more moved it out");
        (await DueIn(_w.Learner(0), aroundTheirs.Item1, aroundTheirs.Item2)).Should().BeTrue();
        (await DueIn(_w.Learner(2), aroundTheCohort.Item1, aroundTheCohort.Item2)).Should().BeTrue("no shift: the cohort's due date");
        (await DueIn(_w.Learner(2), aroundTheirs.Item1, aroundTheirs.Item2)).Should().BeFalse();
        (await _w.Learner(0).GetAsync($"/api/v1/me/agenda?{Range(DateTimeOffset.MinValue, DateTimeOffset.MinValue.AddDays(10))}")).StatusCode
            .Should().Be(HttpStatusCode.OK, "the first days a date can have are a range like any other");
    }

    [Test]
    public async Task An_agenda_range_must_be_given_in_order_and_short()
    {
        var now = DateTimeOffset.UtcNow;
        var reversed = await (await _w.Learner(0).GetAsync($"/api/v1/me/agenda?{Range(now, now.AddDays(-1))}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        reversed["errors"]!.AsObject().Should().ContainKey("to");
        var tooLong = await (await _w.Learner(0).GetAsync($"/api/v1/me/agenda?{Range(now, now.AddDays(101))}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        tooLong["errors"]!.AsObject().Should().ContainKey("to");
        var missing = await (await _w.Trainer.GetAsync($"/api/v1/cohorts/{_w.CohortId}/agenda")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        missing["errors"]!.AsObject().Should().ContainKeys("from", "to");
    }

    [Test]
    public async Task The_feed_and_the_agendas_cost_the_same_statements_whatever_their_size()
    {
        var (url, _) = await SubscribeAsync(_w.Learner(1));
        var range = Range(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.Zero));
        async Task<int[]> CountAsync()
        {
            var counts = new List<int>();
            foreach (var (client, path) in new[] { (_w.Learner(1), $"/api/v1/me/agenda?{range}"), (_w.Trainer, $"/api/v1/cohorts/{_w.CohortId}/agenda?{range}"), (_w.Learner(1), $"/api/v1/cohorts/{_w.CohortId}/agenda?{range}") })
            {
                _factory.Queries.Reset();
                (await client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);
                counts.Add(_factory.Queries.Count);
            }

            _factory.Queries.Reset();
            (await FetchAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
            counts.Add(_factory.Queries.Count);
            return [.. counts];
        }

        var small = await CountAsync();
        for (var i = 0; i < 30; i++)
        {
            await SessionAsync(_w.CohortId, i % 2 == 0 ? _w.Alpha : null, $"Séance {i}", SessionKind.Webinar, new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero).AddDays(i));
        }

        for (var i = 0; i < 3; i++)
        {
            await _w.World.CreateAsync(AssessmentWorld.TextAssignment($"Devoir {i}", dueInDays: 20 + i));
        }

        (await CountAsync()).Should().Equal(small);
    }
}
