using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Community.Live;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Community.Live;
using Spoc.Modules.FollowUp.Contracts;

namespace Spoc.Api.Tests.FollowUp;

/// <summary>GET/PUT /cohorts/{cohortId}/follow-up/rules: the defaults, who may tune them, validation, ETags, and a re-evaluation seen on the dashboard and live.</summary>
public sealed class RiskRulesTests
{
    private static string Url(FollowUpWorld w) => $"/api/v1/cohorts/{w.CohortId}/follow-up/rules";

    private static Task<HttpResponseMessage> PutAsync(FollowUpWorld w, HttpClient by, object rules, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Url(w)) { Content = JsonContent.Create(new { rules }) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return by.SendAsync(request);
    }

    private static object Rule(string kind, decimal? watchFrom, decimal? atRiskFrom, bool enabled = true) => new { kind, enabled, watchFrom, atRiskFrom };

    [Test]
    public async Task Staff_read_the_defaults_tune_them_with_their_ETag_and_every_learner_is_re_evaluated_at_once_and_told_live()
    {
        using var w = await FollowUpWorld.CreateAsync(learners: 2);
        var read = await w.Trainer.GetAsync(Url(w));
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        var defaults = await read.ReadJsonAsync();
        defaults["updatedAt"].Should().BeNull();
        defaults["rules"]!.AsArray().Select(r => $"{r!["kind"]}:{r["watchFrom"]}:{r["atRiskFrom"]}").Should().Equal(
            "BehindSchedule:2:3", "MissedDeadlines:1:2", "LateSubmissions:2:4", "Absences:1:2", "DaysInactive:7:14", "DaysWithoutContact:21:", "GradeBelow:60:50");
        (await w.Mentor.GetAsync(Url(w))).StatusCode.Should().Be(HttpStatusCode.OK, "mentors read why their learners are flagged");
        await (await w.Learner(0).GetAsync(Url(w))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var etag = read.Headers.ETag!.Tag;

        // Learner 1 missed one session: to watch under the defaults.
        await w.AttendanceAsync(await w.SessionAsync(), (1, "Absent"));
        await w.EventuallyAsync(1, s => s.Level == RiskLevel.Watch, "learner 1 to watch");

        await using var trainer = await w.Factory.ConnectAsync(LiveClient.TokenOf(w.Trainer));
        await using var mentor = await w.Factory.ConnectAsync(LiveClient.TokenOf(w.Mentor));
        await using var learner = await w.Factory.ConnectAsync(LiveClient.TokenOf(w.Learner(1)));
        var trainerTold = trainer.Collect(NotificationsHub.FollowUpChanged, typeof(JsonElement));
        var mentorTold = mentor.Collect(NotificationsHub.FollowUpChanged, typeof(JsonElement));
        var learnerTold = learner.Collect(NotificationsHub.FollowUpChanged, typeof(JsonElement));

        var rules = new[] { Rule("Absences", null, 1), Rule("GradeBelow", 60, 50) };
        await (await PutAsync(w, w.Mentor, rules, etag)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var saved = await PutAsync(w, w.Trainer, rules, etag);
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var body = await saved.ReadJsonAsync();
        (body["rules"]!.AsArray().Count, body["updatedAt"] is not null).Should().Be((2, true));

        // In the same commit: at risk, with the new threshold as the reason.
        var row = await w.RowAsync(1);
        (row["level"]!.GetValue<string>(), FollowUpWorld.Reasons(row).Single()).Should().Be(("AtRisk", "Absences:AtRisk:1/1"));
        var pushed = (JsonElement)(await trainerTold.WaitFor())[0]!;
        pushed.GetProperty("cohortId").GetGuid().Should().Be(w.CohortId);
        await learner.RoundTripAsync();
        await mentor.RoundTripAsync();
        (mentorTold.Count, learnerTold.Count).Should().Be((0, 0), "learner 1 has no mentor, and a learner is never told");

        // The old ETag is stale; the new one works, and a change that moves nobody pushes nothing.
        await (await PutAsync(w, w.Trainer, rules, etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        var again = await PutAsync(w, w.Trainer, new[] { Rule("Absences", null, 1) }, saved.Headers.ETag!.Tag);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        await trainer.RoundTripAsync();
        trainerTold.Count.Should().Be(1);
    }

    [Test]
    public async Task Rules_that_cannot_be_applied_are_refused_naming_the_field()
    {
        using var w = await FollowUpWorld.CreateAsync(learners: 1);
        async Task<IEnumerable<string>> RefusedAsync(params object[] rules) =>
            (await (await PutAsync(w, w.Trainer, rules, null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed"))["errors"]!.AsObject().Select(e => e.Key).ToList();

        (await RefusedAsync(Rule("Absences", 1, 2), Rule("Absences", 2, 3))).Should().Contain("rules");
        (await RefusedAsync(Rule("Absences", null, null))).Should().ContainSingle().Which.Should().Contain("watchFrom");
        (await RefusedAsync(Rule("Absences", 3, 2))).Should().ContainSingle().Which.Should().Contain("atRiskFrom");
        (await RefusedAsync(Rule("GradeBelow", 50, 60))).Should().ContainSingle().Which.Should().Contain("atRiskFrom");
        (await RefusedAsync(Rule("GradeBelow", 120, 50))).Should().ContainSingle().Which.Should().Contain("watchFrom");
        (await RefusedAsync(Rule("Absences", -1, 2))).Should().ContainSingle().Which.Should().Contain("watchFrom");
        var unknown = await w.Trainer.PutAsync(Url(w), TestApi.Json("""{"rules":[{"kind":"Astrology","enabled":true,"watchFrom":1}]}"""));
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await w.Trainer.PutAsync(Url(w), TestApi.Json("""{"rules":[null]}"""))).StatusCode.Should().Be(HttpStatusCode.BadRequest, "a null rule is bad input, not a crash");
    }
}
