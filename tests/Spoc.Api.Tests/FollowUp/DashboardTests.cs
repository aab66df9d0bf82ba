using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.FollowUp.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;

namespace Spoc.Api.Tests.FollowUp;

/// <summary>GET /cohorts/{cohortId}/follow-up: at risk first, counts per level, filters, paging, a mentor's scope, and a cost that does not grow with the cohort.</summary>
public sealed class DashboardTests
{
    private static List<Guid> Ids(JsonObject page) => [.. page["items"]!.AsArray().Select(r => r!["learnerId"]!.GetValue<Guid>())];

    private static (int, int, int) Counts(JsonObject page) =>
        (page["counts"]!["onTrack"]!.GetValue<int>(), page["counts"]!["watch"]!.GetValue<int>(), page["counts"]!["atRisk"]!.GetValue<int>());

    [Test]
    public async Task Staff_see_every_learner_at_risk_first_a_mentor_only_theirs_with_filters_counts_and_paging_and_a_withdrawn_learner_leaves()
    {
        using var w = await FollowUpWorld.CreateAsync(learners: 3);
        var session = await w.SessionAsync();
        var other = await w.SessionAsync();
        await w.AttendanceAsync(session, (0, "Present"), (1, "Absent"), (2, "Absent"));
        await w.AttendanceAsync(other, (0, "Present"), (1, "Absent"));
        await w.EventuallyAsync(1, s => s.Level == RiskLevel.AtRisk, "learner 1 at risk");
        await w.EventuallyAsync(2, s => s.Level == RiskLevel.Watch, "learner 2 to watch");
        var mentorId = (await w.SignalsAsync(0))!.MentorId!.Value;

        var all = await w.DashboardAsync(w.Trainer);
        Ids(all).Should().Equal(w.LearnerId(1), w.LearnerId(2), w.LearnerId(0));
        Counts(all).Should().Be((1, 1, 1));
        var first = all["items"]![0]!.AsObject();
        (first["displayName"]!.GetValue<string>(), first["level"]!.GetValue<string>(), first["signals"]!["absences"]!.GetValue<int>()).Should().Be(("learner", "AtRisk", 2));
        FollowUpWorld.Reasons(first).Should().Equal("Absences:AtRisk:2/2");
        first["levelChangedAt"].Should().NotBeNull();

        var watch = await w.DashboardAsync(w.Trainer, "?level=Watch");
        (Ids(watch), watch["totalCount"]!.GetValue<int>()).Should().BeEquivalentTo((new List<Guid> { w.LearnerId(2) }, 1), "the total is of the filtered rows");
        var mentored = await w.DashboardAsync(w.Trainer, $"?mentorId={mentorId}");
        (Ids(mentored), mentored["totalCount"]!.GetValue<int>()).Should().BeEquivalentTo((new List<Guid> { w.LearnerId(0) }, 1));
        var second = await w.DashboardAsync(w.Trainer, "?pageSize=1&page=2");
        (Ids(second).Single(), second["totalCount"]!.GetValue<int>(), Counts(second)).Should().Be((w.LearnerId(2), 3, (1, 1, 1)));

        var mentors = await w.DashboardAsync(w.Mentor);
        Ids(mentors).Should().Equal(w.LearnerId(0));
        Counts(mentors).Should().Be((1, 0, 0), "a mentor's counts are of their own learners");
        Ids(await w.DashboardAsync(w.Mentor, "?level=AtRisk")).Should().BeEmpty();

        // Unassigned, the learner leaves their former mentor's dashboard; assigned again, they come back.
        (await w.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{w.CohortId}/members/{w.LearnerId(0)}/mentor", new { mentorId = (Guid?)null })).IsSuccessStatusCode.Should().BeTrue();
        await w.EventuallyAsync(0, s => s.MentorId is null, "the unassignment arrived");
        Ids(await w.DashboardAsync(w.Mentor)).Should().BeEmpty();
        (await w.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{w.CohortId}/members/{w.LearnerId(0)}/mentor", new { mentorId })).IsSuccessStatusCode.Should().BeTrue();
        await w.EventuallyAsync(0, s => s.MentorId == mentorId, "the assignment arrived");

        await (await w.Learner(0).GetAsync($"/api/v1/cohorts/{w.CohortId}/follow-up")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var (stranger, _, _) = (await w.Factory.PeopleAsync(1, "stranger"))[0];
        await (await stranger.GetAsync($"/api/v1/cohorts/{w.CohortId}/follow-up")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await w.Trainer.GetAsync($"/api/v1/cohorts/{w.CohortId}/follow-up?pageSize=101")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        // A learner who leaves the cohort leaves the dashboard and its counts.
        (await w.Trainer.DeleteAsync($"/api/v1/cohorts/{w.CohortId}/members/{w.LearnerId(1)}")).IsSuccessStatusCode.Should().BeTrue();
        await w.EventuallyAsync(1, s => !s.Active, "the withdrawal arrived");
        var after = await w.DashboardAsync(w.Trainer);
        (Ids(after), Counts(after)).Should().BeEquivalentTo((new List<Guid> { w.LearnerId(2), w.LearnerId(0) }, (1, 1, 0)));
    }

    [Test]
    public async Task The_dashboard_runs_the_same_number_of_statements_for_10_and_200_learners()
    {
        using var w = await FollowUpWorld.CreateAsync(learners: 1);
        async Task<int> StatementsWithAsync(int learners)
        {
            await SeedRowsAsync(w, learners - (await w.DashboardAsync(w.Trainer))["totalCount"]!.GetValue<int>());
            w.Factory.Queries.Reset();
            var page = await w.DashboardAsync(w.Trainer);
            (page["totalCount"]!.GetValue<int>(), page["items"]!.AsArray().Count).Should().Be((learners, 20));
            return w.Factory.Queries.Count;
        }

        var small = await StatementsWithAsync(10 + 11); // two pages at the small size too: the first one is full
        (await StatementsWithAsync(200)).Should().Be(small);
    }

    [Test]
    public async Task Reasons_stored_in_the_text_the_earlier_mapping_wrote_read_the_same_and_are_written_back_in_it()
    {
        using var w = await FollowUpWorld.CreateAsync(learners: 1);
        var session = await w.SessionAsync();
        await w.AttendanceAsync(session, (0, "Absent"));
        await w.EventuallyAsync(0, s => s.Level == RiskLevel.Watch, "one absence: to watch");
        await using var scope = w.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
        var learnerId = w.LearnerId(0);
        var stored = await db.Database.SqlQuery<string>($"SELECT Reasons AS Value FROM FollowUpSignals WHERE LearnerId = {learnerId}").SingleAsync();
        stored.Should().Be("""[{"Rule":"Absences","Level":"Watch","Value":"1","Threshold":"1"}]""", "rules and levels by name, figures as strings, as EF's owned JSON wrote them");

        // A row as EF's owned JSON mapping wrote it (properties in another order, decimals with a scale).
        const string earlier = """[{"Level":"AtRisk","Rule":"Absences","Threshold":"2.0","Value":"3.0"},{"Level":"Watch","Rule":"DaysWithoutContact","Threshold":"21.0","Value":"22.0"}]""";
        await db.Database.ExecuteSqlAsync($"UPDATE FollowUpSignals SET Level = 'AtRisk', Reasons = {earlier} WHERE LearnerId = {learnerId}");
        FollowUpWorld.Reasons((await w.DashboardAsync(w.Trainer))["items"]![0]!.AsObject()).Should().Equal("Absences:AtRisk:3/2", "DaysWithoutContact:Watch:22/21");
    }

    /// <summary>Learners' signals rows written straight into the projection, at every level (the dashboard reads nothing else).</summary>
    private static async Task SeedRowsAsync(FollowUpWorld w, int count)
    {
        var people = await w.Factory.PeopleAsync(count, "seeded");
        await using var scope = w.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowUpDbContext>();
        var now = w.Clock.GetUtcNow();
        db.Signals.AddRange(people.Select((p, i) => new LearnerSignals
        {
            CohortId = w.CohortId, LearnerId = p.Id, FollowedFrom = now, UpdatedAt = now, Level = (RiskLevel)(i % 3), ActivitiesExpected = i % 5,
            Reasons = i % 3 == 0 ? [] : [new RiskReason { Rule = RiskRuleKind.Absences, Level = (RiskLevel)(i % 3), Value = i % 3, Threshold = i % 3 }],
        }));
        await db.SaveChangesAsync();
    }
}
