using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.FollowUp.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;

namespace Spoc.Api.Tests.FollowUp;

/// <summary>GET /me/follow-up/attention, the staff home's "à suivre": who is at risk or to watch in the caller's reach, their own actions due soon, a constant cost.</summary>
public sealed class AttentionTests
{
    private static async Task<JsonObject> AttentionAsync(HttpClient by, string query = "")
    {
        var response = await by.GetAsync($"/api/v1/me/follow-up/attention{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static List<Guid> Learners(JsonObject page) => [.. page["items"]!.AsArray().Select(r => r!["learnerId"]!.GetValue<Guid>())];

    private static List<string> Actions(JsonObject page) => [.. page["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>())];

    private static async Task ActionAsync(FollowUpWorld w, HttpClient by, int learner, string title, int dueInDays)
    {
        var dueOn = DateOnly.FromDateTime(w.Clock.GetUtcNow().UtcDateTime).AddDays(dueInDays);
        var response = await by.PostAsJsonAsync($"/api/v1/cohorts/{w.CohortId}/members/{w.LearnerId(learner)}/actions", new { kind = "Call", title, dueOn = dueOn.ToString("yyyy-MM-dd") });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_trainer_sees_every_learner_at_risk_or_to_watch_a_mentor_only_theirs_each_their_own_actions_due_soon_and_a_learner_nothing()
    {
        using var w = await FollowUpWorld.CreateAsync(learners: 3);
        var session = await w.SessionAsync();
        var other = await w.SessionAsync();
        await w.AttendanceAsync(session, (0, "Absent"), (1, "Absent"), (2, "Present"));
        await w.AttendanceAsync(other, (0, "Absent"), (1, "Present"), (2, "Present"));
        await w.EventuallyAsync(0, s => s.Level == RiskLevel.AtRisk, "learner 0 at risk");
        await w.EventuallyAsync(1, s => s.Level == RiskLevel.Watch, "learner 1 to watch");
        await ActionAsync(w, w.Trainer, 1, "Appeler Paul", dueInDays: 3);
        await ActionAsync(w, w.Trainer, 1, "Bilan de fin de mois", dueInDays: 30);
        await ActionAsync(w, w.Mentor, 0, "Rappeler Anaïs", dueInDays: -1);

        var trainers = await AttentionAsync(w.Trainer);
        Learners(trainers).Should().Equal([w.LearnerId(0), w.LearnerId(1)], "at risk first, then to watch; on track left out");
        var first = trainers["items"]![0]!.AsObject();
        (first["cohortId"]!.GetValue<Guid>(), first["cohortTitle"]!.GetValue<string>(), first["level"]!.GetValue<string>()).Should().Be((w.CohortId, "Cohorte évaluée", "AtRisk"));
        FollowUpWorld.Reasons(first).Should().Equal("Absences:AtRisk:2/2");
        (Actions(trainers), trainers["actionsDueSoon"]!.GetValue<int>()).Should().BeEquivalentTo((new List<string> { "Appeler Paul" }, 1), "a month away is not soon");
        trainers["actions"]![0]!["learnerName"]!.GetValue<string>().Should().NotBeEmpty();

        var mentors = await AttentionAsync(w.Mentor);
        Learners(mentors).Should().Equal([w.LearnerId(0)], "a mentor follows their own learners only");
        Actions(mentors).Should().Equal(["Rappeler Anaïs"], "an overdue action is still due");

        var paged = await AttentionAsync(w.Trainer, "?pageSize=1&page=2");
        (Learners(paged).Single(), paged["totalCount"]!.GetValue<int>()).Should().Be((w.LearnerId(1), 2));
        await (await w.Trainer.GetAsync("/api/v1/me/follow-up/attention?pageSize=101")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        (await w.Trainer.GetAsync("/api/v1/me/follow-up/attention?page=abc")).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var learners = await AttentionAsync(w.Learner(0));
        (Learners(learners).Count, Actions(learners).Count).Should().Be((0, 0), "a learner follows nobody up");
        var (stranger, _, _) = (await w.Factory.PeopleAsync(1, "stranger"))[0];
        var strangers = await AttentionAsync(stranger);
        (Learners(strangers).Count, strangers["totalCount"]!.GetValue<int>()).Should().Be((0, 0));
        (await w.Factory.CreateClient().GetAsync("/api/v1/me/follow-up/attention")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task It_runs_the_same_number_of_statements_for_10_and_200_learners_and_ignores_other_cohorts()
    {
        using var w = await FollowUpWorld.CreateAsync(learners: 1);
        await ActionAsync(w, w.Trainer, 0, "Appeler", dueInDays: 1);
        async Task<int> StatementsWithAsync(int learners)
        {
            await SeedRowsAsync(w, w.CohortId, learners);
            await SeedRowsAsync(w, Guid.CreateVersion7(), 5); // another cohort's learners, out of the trainer's reach
            w.Factory.Queries.Reset();
            var page = await AttentionAsync(w.Trainer);
            (page["items"]!.AsArray().Count, Actions(page).Count).Should().Be((20, 1));
            return w.Factory.Queries.Count;
        }

        var small = await StatementsWithAsync(30);
        (await StatementsWithAsync(200)).Should().Be(small);
        (await AttentionAsync(w.Trainer))["totalCount"]!.GetValue<int>().Should().Be(230, "every seeded row of the cohort is at risk or to watch, none of the other cohort's counts");
    }

    /// <summary>Learners' signals rows written straight into the projection, at risk or to watch (the route reads nothing else).</summary>
    private static async Task SeedRowsAsync(FollowUpWorld w, Guid cohortId, int count)
    {
        var people = await w.Factory.PeopleAsync(count, "seeded");
        await using var scope = w.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
        var now = w.Clock.GetUtcNow();
        db.Signals.AddRange(people.Select((p, i) => new LearnerSignals
        {
            CohortId = cohortId, LearnerId = p.Id, FollowedFrom = now, UpdatedAt = now, Level = i % 2 == 0 ? RiskLevel.AtRisk : RiskLevel.Watch, ActivitiesExpected = i % 5,
            Reasons = [new RiskReason { Rule = RiskRuleKind.Absences, Level = RiskLevel.Watch, Value = 1, Threshold = 1 }],
        }));
        await db.SaveChangesAsync();
    }
}
