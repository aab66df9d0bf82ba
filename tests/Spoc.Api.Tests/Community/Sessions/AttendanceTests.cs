using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Community.Contracts;

namespace Spoc.Api.Tests.Community.Sessions;

/// <summary>
/// Attendance: the sheet in bulk, check-in by code (window, single use, wrong codes and their lockout, Late after the grace
/// period) and the rates, by hand-computed expectation. The clock is the test's: check-in opens 5 minutes before the start,
/// Late after 1 minute, 3 attempts then a 3-minute lockout.
/// </summary>
public sealed class AttendanceTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private SpocApiFactory _factory = null!;
    private SessionWorld _w = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory(new Dictionary<string, string?>
        {
            ["Sessions:CheckInOpensBefore"] = "00:05:00", ["Sessions:LateAfter"] = "00:01:00", ["Sessions:CheckInMaxAttempts"] = "3", ["Sessions:CheckInLockout"] = "00:03:00",
        }) { Clock = _clock };
        _w = await SessionWorld.CreateAsync(_factory);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private async Task<Guid> ScheduleAsync(TimeSpan startsIn) =>
        (await _w.ScheduleAsync(SessionWorld.VirtualClass(startsIn, now: _clock.GetUtcNow())))["id"]!.GetValue<Guid>();

    private async Task<string> CodeAsync(Guid sessionId)
    {
        var issued = await _w.Trainer.PostAsync($"/api/v1/sessions/{sessionId}/check-in-code", null);
        issued.StatusCode.Should().Be(HttpStatusCode.OK, await issued.Content.ReadAsStringAsync());
        return (await issued.ReadJsonAsync())["code"]!.GetValue<string>();
    }

    private Task<HttpResponseMessage> CheckInAsync(int learner, Guid sessionId, string code) =>
        _w.Learner(learner).PostAsJsonAsync($"/api/v1/sessions/{sessionId}/check-in", new { code });

    /// <summary>The marks of each <c>AttendanceRecorded</c> event of the session, in the order written, as "userId:Status".</summary>
    private async Task<List<List<string>>> MarksAsync(Guid sessionId) =>
        [.. (await _w.Forum.EventsAsync(nameof(AttendanceRecorded)))
            .Where(e => e["sessionId"]!.GetValue<Guid>() == sessionId)
            .Select(e => e["marks"]!.AsArray().Select(m => $"{m!["userId"]}:{(AttendanceStatus)m["status"]!.GetValue<int>()}").ToList())];

    [Test]
    public async Task A_learner_checks_in_once_with_the_code_during_the_window_and_is_late_after_the_grace_period()
    {
        var id = await ScheduleAsync(TimeSpan.FromMinutes(7));
        var code = await CodeAsync(id);
        code.Should().MatchRegex("^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$");
        await (await CheckInAsync(0, id, code)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "check-in-closed");

        _clock.Advance(TimeSpan.FromMinutes(3)); // 4 minutes before the start: open
        var stale = code;
        code = await CodeAsync(id);
        (await SessionWorld.GetAsync(_w.Trainer, $"/api/v1/sessions/{id}"))["checkInCode"]!.GetValue<string>().Should().Be(code, "staff see the code to show");
        if (stale != code)
        {
            await (await CheckInAsync(0, id, stale)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "wrong-check-in-code");
        }

        var first = await CheckInAsync(0, id, code.ToLowerInvariant().Insert(3, " "));
        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        (await first.ReadJsonAsync())["status"]!.GetValue<string>().Should().Be("Present");
        var again = await CheckInAsync(0, id, code);
        (again.StatusCode, (await again.ReadJsonAsync())["status"]!.GetValue<string>()).Should().Be((HttpStatusCode.OK, "Present"), "a second check-in changes nothing");
        (await MarksAsync(id)).Should().BeEquivalentTo<List<string>>([[$"{_w.LearnerId(0)}:Present"]], "the check-in is announced once (the follow-up counts it)");
        await (await _w.Trainer.PostAsJsonAsync($"/api/v1/sessions/{id}/check-in", new { code })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        _clock.Advance(TimeSpan.FromMinutes(6)); // 2 minutes after the start
        (await (await CheckInAsync(1, id, code)).ReadJsonAsync())["status"]!.GetValue<string>().Should().Be("Late");
        (await SessionWorld.GetAsync(_w.Learner(1), $"/api/v1/sessions/{id}"))["myAttendance"]!.GetValue<string>().Should().Be("Late");

        var sheet = await SessionWorld.GetAsync(_w.Trainer, $"/api/v1/sessions/{id}/attendance");
        var rows = sheet["items"]!.AsArray().ToDictionary(r => r!["userId"]!.GetValue<Guid>(), r => r!["status"]?.GetValue<string>());
        (rows[_w.LearnerId(0)], rows[_w.LearnerId(1)], rows[_w.LearnerId(2)]).Should().Be(("Present", "Late", null));

        _clock.Advance(TimeSpan.FromMinutes(90)); // ended
        await (await CheckInAsync(2, id, code)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "check-in-closed");
    }

    [Test]
    public async Task Wrong_codes_are_counted_and_lock_the_learner_out_even_when_fired_in_parallel()
    {
        var id = await ScheduleAsync(TimeSpan.FromMinutes(2));
        var code = await CodeAsync(id);
        var guesses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => CheckInAsync(2, id, "ZZZZZZ" == code ? "YYYYYY" : "ZZZZZZ")));
        guesses.Count(g => g.StatusCode == HttpStatusCode.Conflict).Should().Be(3, "three attempts, however fast they come");
        var locked = guesses.First(g => g.StatusCode == HttpStatusCode.TooManyRequests);
        await locked.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "check-in-locked");
        locked.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 180);
        await (await CheckInAsync(2, id, code)).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "check-in-locked");

        _clock.Advance(TimeSpan.FromMinutes(4)); // the lockout is over; the session started 2 minutes ago
        (await (await CheckInAsync(2, id, code)).ReadJsonAsync())["status"]!.GetValue<string>().Should().Be("Late", "after the lockout the right code works");
    }

    [Test]
    public async Task Staff_take_attendance_in_bulk_and_a_mentor_only_for_their_own_learners()
    {
        var id = await ScheduleAsync(TimeSpan.FromDays(1));
        var all = new { records = new[] { new { userId = _w.LearnerId(0), status = "Present" }, new { userId = _w.LearnerId(1), status = "Excused" }, new { userId = _w.LearnerId(2), status = "Absent" } } };
        (await _w.Trainer.PutAsJsonAsync($"/api/v1/sessions/{id}/attendance", all)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _w.Mentor.PutAsJsonAsync($"/api/v1/sessions/{id}/attendance", new { records = new[] { new { userId = _w.LearnerId(1), status = "Absent" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await _w.Mentor.PutAsJsonAsync($"/api/v1/sessions/{id}/attendance", new { records = new[] { new { userId = _w.LearnerId(0), status = "Late" } } })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _w.Trainer.PutAsJsonAsync($"/api/v1/sessions/{id}/attendance", all with { records = all.records[1..] })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await MarksAsync(id)).Should().BeEquivalentTo<List<string>>(
            [[$"{_w.LearnerId(0)}:Present", $"{_w.LearnerId(1)}:Excused", $"{_w.LearnerId(2)}:Absent"], [$"{_w.LearnerId(0)}:Late"]],
            "each sheet announces the statuses it changed, and one that changes nothing announces nothing");
        await (await _w.Learner(0).PutAsJsonAsync($"/api/v1/sessions/{id}/attendance", all)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _w.Trainer.PutAsJsonAsync($"/api/v1/sessions/{id}/attendance", new { records = new[] { new { userId = Guid.NewGuid(), status = "Present" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        var sheet = await SessionWorld.GetAsync(_w.Trainer, $"/api/v1/sessions/{id}/attendance");
        (sheet["present"]!.GetValue<int>(), sheet["late"]!.GetValue<int>(), sheet["excused"]!.GetValue<int>(), sheet["absent"]!.GetValue<int>()).Should().Be((0, 1, 1, 1));
        sheet["rate"]!.GetValue<decimal>().Should().Be(50m, "Late counts as attended, Excused is left out: 1 / (1 + 1)");
        (await SessionWorld.GetAsync(_w.Mentor, $"/api/v1/sessions/{id}/attendance"))["items"]!.AsArray().Should().ContainSingle();

        // Two trainers on one sheet: the second, working from a stale copy, is told instead of overwriting.
        var etag = (await _w.Trainer.GetAsync($"/api/v1/sessions/{id}/attendance")).Headers.ETag!.ToString();
        async Task<HttpStatusCode> PutAsync(string status)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/sessions/{id}/attendance")
            {
                Content = JsonContent.Create(new { records = new[] { new { userId = _w.LearnerId(3), status } } }),
            };
            request.Headers.IfMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Parse(etag));
            return (await _w.Trainer.SendAsync(request)).StatusCode;
        }

        (await PutAsync("Present")).Should().Be(HttpStatusCode.NoContent);
        (await PutAsync("Absent")).Should().Be(HttpStatusCode.PreconditionFailed);
        (await SessionWorld.GetAsync(_w.Trainer, $"/api/v1/sessions/{id}/attendance"))["present"]!.GetValue<int>().Should().Be(1);
    }
}

/// <summary>Attendance rates per learner, through the route and through the contract Certification uses, against figures worked out by hand.</summary>
public sealed class AttendanceRateTests
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

    [Test]
    public async Task Rates_count_present_and_late_over_present_late_and_absent_leaving_excused_and_cancelled_sessions_out()
    {
        var sessions = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            sessions.Add((await _w.ScheduleAsync(SessionWorld.VirtualClass(TimeSpan.FromDays(-10 + i))))["id"]!.GetValue<Guid>());
        }

        async Task RecordAsync(int session, params (int Learner, string Status)[] records) =>
            (await _w.Trainer.PutAsJsonAsync($"/api/v1/sessions/{sessions[session]}/attendance",
                new { records = records.Select(r => new { userId = _w.LearnerId(r.Learner), status = r.Status }).ToArray() })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        // Learner 0: Present, Late, Absent, Excused → 2 / 3 = 66.67 %. Learner 1: Absent, Absent, Present → 1 / 3 = 33.33 %.
        // Learner 2: Excused only → nothing counts (null). Learner 3: Present only at the session cancelled afterwards → left out.
        await RecordAsync(0, (0, "Present"), (1, "Absent"));
        await RecordAsync(1, (0, "Late"), (1, "Absent"));
        await RecordAsync(2, (0, "Absent"), (1, "Present"));
        await RecordAsync(3, (0, "Excused"), (2, "Excused"));
        await RecordAsync(4, (3, "Present"), (0, "Absent"));
        (await _w.Trainer.PostAsJsonAsync($"/api/v1/sessions/{sessions[4]}/cancel", new { reason = "Salle indisponible" })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await using var scope = _factory.Services.CreateAsyncScope();
        var rates = (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetAttendanceRates(_w.CohortId))).ToDictionary(r => r.UserId);
        rates[_w.LearnerId(0)].Should().Be(new LearnerAttendanceRate(_w.LearnerId(0), 1, 1, 1, 1, 66.67m));
        rates[_w.LearnerId(1)].Should().Be(new LearnerAttendanceRate(_w.LearnerId(1), 1, 0, 2, 0, 33.33m));
        rates[_w.LearnerId(2)].Should().Be(new LearnerAttendanceRate(_w.LearnerId(2), 0, 0, 0, 1, null));
        rates.Should().NotContainKey(_w.LearnerId(3));

        var page = await SessionWorld.GetAsync(_w.Trainer, $"/api/v1/cohorts/{_w.CohortId}/attendance");
        page["totalCount"]!.GetValue<int>().Should().Be(4);
        var rows = page["items"]!.AsArray().ToDictionary(r => r!["userId"]!.GetValue<Guid>(), r => r!["rate"]?.GetValue<decimal>());
        (rows[_w.LearnerId(0)], rows[_w.LearnerId(1)], rows[_w.LearnerId(2)], rows[_w.LearnerId(3)]).Should().Be((66.67m, 33.33m, (decimal?)null, (decimal?)null));

        (await SessionWorld.GetAsync(_w.Mentor, $"/api/v1/cohorts/{_w.CohortId}/attendance"))["items"]!.AsArray().Select(r => r!["userId"]!.GetValue<Guid>()).Should().Equal(_w.LearnerId(0));
        (await SessionWorld.GetAsync(_w.Learner(1), $"/api/v1/cohorts/{_w.CohortId}/attendance"))["items"]!.AsArray().Select(r => r!["userId"]!.GetValue<Guid>()).Should().Equal(_w.LearnerId(1));
    }
}
