using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Cohorts;

public sealed class PartnerConsentTests
{
    private SpocApiFactory _factory = null!;
    private CohortWorld _world = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _world = await CohortWorld.CreateAsync(_factory);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task Until_a_partner_accepts_none_of_its_people_can_see_join_or_be_enrolled()
    {
        var (partner, partnerAdmin) = await _world.PartnerAsync();
        var (_, _, employee) = await _world.LearnerAsync(partner);
        var (partnerLearner, _, _) = await _world.LearnerAsync(partner);
        var enrolment = await _world.CohortAsync(capacity: 5, mode: "OrganizationEnrollment", organizationIds: [_world.OrganizationId, partner]);
        var open = await _world.CohortAsync(organizationIds: [_world.OrganizationId, partner]);
        (await _world.CohortJsonAsync(enrolment))["partnerships"]!.AsArray().Select(p => (p!["organizationId"]!.GetValue<Guid>(), p["status"]!.GetValue<string>()))
            .Should().BeEquivalentTo([(_world.OrganizationId, "Accepted"), (partner, "Pending")]);

        await (await partnerAdmin.GetAsync($"/api/v1/cohorts/{enrolment}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await partnerAdmin.PostAsJsonAsync($"/api/v1/cohorts/{enrolment}/enrolments", new { emails = new[] { employee } })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{enrolment}/members", new { email = employee, role = "Learner" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        (await EnrolAsync(_world.Trainer, enrolment, employee)).Should().Be("NotFound");
        await (await partnerLearner.GetAsync($"/api/v1/cohorts/{open}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await partnerLearner.PostAsJsonAsync($"/api/v1/cohorts/{open}/applications", new { motivation = "Moi aussi" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        (await IdsAsync(partnerLearner, "/api/v1/cohorts?openForApplication=true&pageSize=100")).Should().NotContain(open);

        var pending = await (await partnerAdmin.GetAsync($"/api/v1/organizations/{partner}/partnerships?status=Pending")).ReadJsonAsync();
        pending["items"]!.AsArray().Select(i => i!["cohortId"]!.GetValue<Guid>()).Should().BeEquivalentTo([enrolment, open]);
        pending["items"]![0]!["ownerOrganizationId"]!.GetValue<Guid>().Should().Be(_world.OrganizationId);
        pending["items"]![0]!["ownerOrganizationName"]!.GetValue<string>().Should().NotBeEmpty();
        await (await _world.Trainer.GetAsync($"/api/v1/organizations/{partner}/partnerships")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _world.Trainer.PostAsync($"/api/v1/organizations/{partner}/partnerships/{enrolment}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        await CohortWorld.AcceptPartnershipAsync(partnerAdmin, enrolment, partner);
        await CohortWorld.AcceptPartnershipAsync(partnerAdmin, open, partner);

        (await EnrolAsync(partnerAdmin, enrolment, employee)).Should().Be("Enrolled with an id");
        (await IdsAsync(partnerLearner, "/api/v1/cohorts?openForApplication=true&pageSize=100")).Should().Contain(open);
        await CohortWorld.ApplyAsync(partnerLearner, open);
        (await (await partnerAdmin.GetAsync($"/api/v1/organizations/{partner}/partnerships?status=Pending")).ReadJsonAsync())["totalCount"]!.GetValue<int>().Should().Be(0);
    }

    [Test]
    public async Task A_declined_partnership_stays_closed_and_the_answer_cannot_flip()
    {
        var (partner, partnerAdmin) = await _world.PartnerAsync();
        var (partnerLearner, _, _) = await _world.LearnerAsync(partner);
        var cohortId = await _world.CohortAsync(organizationIds: [_world.OrganizationId, partner]);

        var declined = await partnerAdmin.PostAsync($"/api/v1/organizations/{partner}/partnerships/{cohortId}/decline", null);
        declined.StatusCode.Should().Be(HttpStatusCode.OK);
        (await declined.ReadJsonAsync())["status"]!.GetValue<string>().Should().Be("Declined");
        (await partnerAdmin.PostAsync($"/api/v1/organizations/{partner}/partnerships/{cohortId}/decline", null)).StatusCode.Should().Be(HttpStatusCode.OK, "declining twice answers the same");
        await (await partnerAdmin.PostAsync($"/api/v1/organizations/{partner}/partnerships/{cohortId}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "partnership-decided");
        await (await partnerLearner.GetAsync($"/api/v1/cohorts/{cohortId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await partnerAdmin.PostAsync($"/api/v1/organizations/{partner}/partnerships/{Guid.NewGuid()}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task A_partner_named_after_creation_is_pending_too()
    {
        var (partner, partnerAdmin) = await _world.PartnerAsync();
        var cohortId = await _world.CohortAsync();

        var named = await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/partners", new { organizationId = partner });
        named.StatusCode.Should().Be(HttpStatusCode.Created, await named.Content.ReadAsStringAsync());
        (await named.ReadJsonAsync())["status"]!.GetValue<string>().Should().Be("Pending");
        await (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/partners", new { organizationId = partner })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "already-partner");
        await (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/partners", new { organizationId = Guid.NewGuid() })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        await CohortWorld.AcceptPartnershipAsync(partnerAdmin, cohortId, partner);
        var partners = await _world.Trainer.GetFromJsonAsync<List<JsonObject>>($"/api/v1/cohorts/{cohortId}/partners");
        partners!.Single(p => p["organizationId"]!.GetValue<Guid>() == partner)["status"]!.GetValue<string>().Should().Be("Accepted");
        partners!.Should().OnlyContain(p => !string.IsNullOrEmpty(p["name"]!.GetValue<string>()));
    }

    [Test]
    public async Task Adding_someone_out_of_reach_answers_like_an_address_nobody_has()
    {
        var cohortId = await _world.CohortAsync(mode: "OrganizationEnrollment");
        var (_, _, registeredOutsider) = await _factory.NewUserAsync("outsider");
        var nobody = TestApi.UniqueEmail("nobody");

        async Task<string> AnswerAsync(object body)
        {
            var problem = await (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/members", body)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
            return $"{problem["title"]} {problem["detail"]}";
        }

        (await AnswerAsync(new { email = registeredOutsider, role = "Learner" })).Should().Be(await AnswerAsync(new { email = nobody, role = "Learner" }));
        (await AnswerAsync(new { email = registeredOutsider, role = "Mentor" })).Should().Be(await AnswerAsync(new { userId = Guid.NewGuid(), role = "Mentor" }));
        (await EnrolAsync(_world.Trainer, cohortId, registeredOutsider)).Should().Be(await EnrolAsync(_world.Trainer, cohortId, nobody));
    }

    [Test]
    public async Task The_org_admin_who_opens_a_cohort_names_its_trainer_or_becomes_it()
    {
        var (orgAdmin, orgAdminId, orgAdminEmail) = await _factory.NewUserAsync("org-admin");
        await _world.Admin.AddMemberAsync(_world.OrganizationId, orgAdminEmail, "OrgAdmin");
        var (_, learnerId, _) = await _world.LearnerAsync();

        async Task<HttpResponseMessage> OpenAsync(Guid? trainerId)
        {
            var body = System.Text.Json.JsonSerializer.SerializeToNode(CohortWorld.CohortBody(_world.CourseId))!.AsObject();
            body["trainerId"] = trainerId is null ? null : JsonValue.Create(trainerId);
            return await orgAdmin.PostAsJsonAsync("/api/v1/cohorts", body);
        }

        var own = await (await OpenAsync(null)).ReadJsonAsync();
        own["myRole"]!.GetValue<string>().Should().Be("Trainer");
        await (await orgAdmin.DeleteAsync($"/api/v1/cohorts/{own["id"]}/members/{orgAdminId}")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "last-trainer");

        var named = await (await OpenAsync(_world.TrainerId)).ReadJsonAsync();
        named["myRole"].Should().BeNull();
        var trainers = await (await orgAdmin.GetAsync($"/api/v1/cohorts/{named["id"]}/members?role=Trainer")).ReadJsonAsync();
        trainers["items"]!.AsArray().Select(m => m!["userId"]!.GetValue<Guid>()).Should().Equal(_world.TrainerId);

        var refused = await (await OpenAsync(learnerId)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        refused["errors"]!.AsObject().Select(e => e.Key).Should().ContainMatch("*rainerId");
    }

    private static async Task<string> EnrolAsync(HttpClient by, Guid cohortId, string email)
    {
        var response = await by.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/enrolments", new { emails = new[] { email } });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = (await response.ReadJsonAsync())["results"]![0]!;
        return result["outcome"]!.GetValue<string>() + (result["userId"] is null ? "" : " with an id");
    }

    private static async Task<IEnumerable<Guid>> IdsAsync(HttpClient client, string url) =>
        (await (await client.GetAsync(url)).ReadJsonAsync())["items"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>());
}
