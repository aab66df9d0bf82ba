using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Demo;

/// <summary>
/// The demo that <c>Seed:Demo</c> builds (docs/adr/0039), read through the routes the home pages read: every README demo login
/// finds work waiting. One factory for the whole class: the demo is built once, the tests only read it.
/// </summary>
public sealed class LivingDemoTests
{
    private const string Password = "Spoc-Demo-2026";
    private SpocApiFactory factory = null!;

    [OneTimeSetUp]
    public void BuildTheDemo() => factory = new SpocApiFactory(new Dictionary<string, string?> { ["Seed:Demo"] = "true" });

    [OneTimeTearDown]
    public void Dispose() => factory.Dispose();

    private async Task<(HttpClient Client, JsonObject Me)> SignInAsync(string who)
    {
        var client = await factory.SignedInClientAsync($"{who}@demo.spoc.local", Password);
        return (client, await (await client.GetAsync("/api/v1/me")).ReadJsonAsync());
    }

    private static Guid CohortOf(JsonObject me, string title) =>
        me["cohorts"]!.AsArray().Single(c => c!["title"]!.GetValue<string>() == title)!["cohortId"]!.GetValue<Guid>();

    private static async Task<JsonArray> ItemsAsync(HttpClient client, string url) => (await (await client.GetAsync(url)).ReadJsonAsync())["items"]!.AsArray();

    [Test]
    public async Task The_course_is_published_with_eight_weeks_of_lessons_links_a_video_and_preparations_tied_to_competencies()
    {
        var (trainer, me) = await SignInAsync("benoit.lefevre");
        var progress = await (await trainer.GetAsync($"/api/v1/cohorts/{CohortOf(me, "Cohorte hiver")}/progress")).ReadJsonAsync();
        var activities = progress["activities"]!.AsArray();

        activities.Select(a => a!["sectionTitle"]!.GetValue<string>()).Distinct().Should().HaveCount(8);
        activities.Select(a => a!["kind"]!.GetValue<string>()).Distinct().Should().BeEquivalentTo(["Lesson", "Resource", "Video", "Preparation"]);
    }

    [Test]
    public async Task The_running_cohort_s_learners_are_at_varied_progress_and_the_follow_up_shows_more_than_one_level()
    {
        var (trainer, me) = await SignInAsync("benoit.lefevre");
        var cohortId = CohortOf(me, "Cohorte hiver");
        // The progress lists the learners Courses learnt of from Cohorts' events: once the outbox has delivered them.
        var learners = new Dictionary<string, int>();
        await TestApi.EventuallyAsync(async () =>
        {
            learners = (await (await trainer.GetAsync($"/api/v1/cohorts/{cohortId}/progress")).ReadJsonAsync())["learners"]!.AsArray()
                .ToDictionary(l => l!["displayName"]!.GetValue<string>(), l => l!["done"]!.AsArray().Count);
            return learners.Count == 5;
        }, "the five learners' progress is listed", 60_000);

        learners["Inès Mercier"].Should().BeGreaterThan(learners["James O'Connor"], "Inès is ahead");
        learners["James O'Connor"].Should().BeGreaterThan(learners["Anaïs Girard"]);
        learners["Anaïs Girard"].Should().BeGreaterThan(learners["Jérôme Faure"], "Jérôme fell behind");
        learners.Values.Should().OnlyContain(done => done > 0);

        var groups = JsonNode.Parse(await trainer.GetStringAsync($"/api/v1/cohorts/{cohortId}/groups"))!.AsArray();
        groups.Select(g => g!["name"]!.GetValue<string>()).Should().BeEquivalentTo(["Équipe Gantt", "Équipe Kanban"]);
        await TestApi.EventuallyAsync(async () =>
        {
            var levels = (await ItemsAsync(trainer, $"/api/v1/cohorts/{cohortId}/follow-up")).Select(l => l!["level"]!.GetValue<string>()).Distinct().Count();
            return levels > 1;
        }, "the follow-up dashboard shows learners at different levels", 60_000);
    }

    [Test]
    public async Task The_open_cohort_has_admitted_waitlisted_and_pending_applications_and_a_partner_request_its_admin_answers_from_home()
    {
        var (trainer, me) = await SignInAsync("benoit.lefevre");
        var applications = await ItemsAsync(trainer, $"/api/v1/cohorts/{CohortOf(me, "Cohorte printemps")}/applications?pageSize=100");
        applications.GroupBy(a => a!["status"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count())
            .Should().BeEquivalentTo(new Dictionary<string, int> { ["Admitted"] = 3, ["Waitlisted"] = 1, ["Submitted"] = 1 });

        var (admin, adminMe) = await SignInAsync("marc.dubois");
        var organization = adminMe["organizations"]!.AsArray().Single()!;
        organization["name"]!.GetValue<string>().Should().Be("Groupe Horizon");
        var partnerships = await ItemsAsync(admin, $"/api/v1/organizations/{organization["organizationId"]}/partnerships");
        partnerships.Select(p => (p!["cohortTitle"]!.GetValue<string>(), p["status"]!.GetValue<string>()))
            .Should().BeEquivalentTo([("Cohorte printemps", "Pending"), ("Cohorte Horizon", "Accepted")]);
    }

    [TestCase("benoit.lefevre", "Cohorte hiver", 4)] // three retrospectives, and a grade left as a draft
    [TestCase("sarah.johnson", "Cohorte Horizon", 4)]
    public async Task Trainers_have_work_to_grade(string trainer, string cohort, int count)
    {
        var (client, _) = await SignInAsync(trainer);
        var toGrade = await ItemsAsync(client, "/api/v1/me/to-grade");

        toGrade.Should().HaveCount(count).And.OnlyContain(s => s!["cohortTitle"]!.GetValue<string>() == cohort);
    }

    [TestCase("anais.girard")]
    [TestCase("olivia.smith")]
    [TestCase("nadia.benali")]
    [TestCase("karim.haddad")]
    public async Task Learners_of_the_running_cohorts_have_assignments_to_do_and_a_course_under_way(string learner)
    {
        var (client, me) = await SignInAsync(learner);
        me["cohorts"]!.AsArray().Should().ContainSingle(c => c!["role"]!.GetValue<string>() == "Learner");

        var assignments = await ItemsAsync(client, "/api/v1/me/assignments?toDoOnly=true");
        assignments.Should().NotBeEmpty();
    }

    [Test]
    public async Task The_running_cohort_s_learners_have_a_session_to_prepare_in_their_agenda_and_the_org_admin_her_organisation()
    {
        var (anais, _) = await SignInAsync("anais.girard");
        var (from, to) = (Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O")), Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(14).ToString("O")));
        var agenda = await (await anais.GetAsync($"/api/v1/me/agenda?from={from}&to={to}")).ReadJsonAsync();
        agenda["entries"]!.AsArray().Should().NotBeEmpty();
        agenda["entries"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "VirtualClass")!["preparationDone"]!.GetValue<bool>()
            .Should().BeFalse("the class in two days has this week's preparations, still to do: her home says 'À préparer'");

        var (admin, helene) = await SignInAsync("helene.martin");
        var organization = helene["organizations"]!.AsArray().Single(o => o!["role"]!.GetValue<string>() == "OrgAdmin")!;
        var clients = await ItemsAsync(admin, $"/api/v1/organizations/{organization["organizationId"]}/api-clients");
        clients.Select(c => c!["name"]!.GetValue<string>()).Should().Equal(["SIRH Lumière"], "her 'Clients API' screen shows the HR system connected to the school");
        clients[0]!["lastUsedAt"].Should().NotBeNull();

        var webhook = (await ItemsAsync(admin, $"/api/v1/organizations/{organization["organizationId"]}/webhooks")).Should().ContainSingle("her 'Webhooks' screen shows the HR system's").Subject!;
        webhook["state"]!.GetValue<string>().Should().Be("Paused", "the demo sends nothing anywhere");
        var log = await ItemsAsync(admin, $"/api/v1/webhooks/{webhook["id"]}/deliveries");
        log.Should().NotBeEmpty().And.OnlyContain(d => d!["state"]!.GetValue<string>() == "Succeeded" && d["eventType"]!.GetValue<string>() == "enrolment.created");
        log.Should().Contain(d => d!["attempts"]!.GetValue<int>() == 2, "one went through on its second attempt, so the log shows a retry");
    }
}
