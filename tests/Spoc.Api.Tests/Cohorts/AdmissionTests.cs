using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;

namespace Spoc.Api.Tests.Cohorts;

public sealed class AdmissionTests
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
    public async Task Three_seats_four_applicants_waitlist_and_automatic_promotion()
    {
        var cohortId = await _world.CohortAsync(capacity: 3);
        var learners = new List<(HttpClient Client, Guid Id, string Email)>();
        var applications = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var learner = await _world.LearnerAsync();
            learners.Add(learner);
            applications.Add(await CohortWorld.ApplyAsync(learner.Client, cohortId));
        }

        for (var i = 0; i < 3; i++)
        {
            (await _world.DecideAsync(cohortId, applications[i], "Admit", "Bienvenue !")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await (await _world.DecideAsync(cohortId, applications[3], "Admit")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "cohort-full");
        (await _world.DecideAsync(cohortId, applications[3], "Waitlist", "Une place peut se libérer.")).StatusCode.Should().Be(HttpStatusCode.OK);

        var full = await _world.CohortJsonAsync(cohortId);
        full["seatsTaken"]!.GetValue<int>().Should().Be(3);
        full["seatsLeft"]!.GetValue<int>().Should().Be(0);
        full["waitlistLength"]!.GetValue<int>().Should().Be(1);

        var waitlisted = await (await learners[3].Client.GetAsync("/api/v1/me/applications")).ReadJsonAsync();
        waitlisted["items"]![0]!["status"]!.GetValue<string>().Should().Be("Waitlisted");
        waitlisted["items"]![0]!["waitlistPosition"]!.GetValue<int>().Should().Be(1);
        waitlisted["items"]![0]!["decisionNote"]!.GetValue<string>().Should().Be("Une place peut se libérer.");

        (await learners[0].Client.PostAsync($"/api/v1/cohorts/{cohortId}/applications/{applications[0]}/withdraw", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var promoted = await (await learners[3].Client.GetAsync("/api/v1/me/applications")).ReadJsonAsync();
        promoted["items"]![0]!["status"]!.GetValue<string>().Should().Be("Admitted");
        var after = await _world.CohortJsonAsync(cohortId);
        after["seatsTaken"]!.GetValue<int>().Should().Be(3);
        after["waitlistLength"]!.GetValue<int>().Should().Be(0);
        (await _world.CohortJsonAsync(cohortId, learners[3].Client))["myRole"]!.GetValue<string>().Should().Be("Learner");
        (await _world.CohortJsonAsync(cohortId, learners[0].Client))["myRole"].Should().BeNull();

        var me = await (await learners[3].Client.GetAsync("/api/v1/me")).ReadJsonAsync();
        me["cohorts"]!.AsArray().Should().ContainSingle(c => c!["cohortId"]!.GetValue<Guid>() == cohortId && c["role"]!.GetValue<string>() == "Learner");

        await TestApi.EventuallyAsync(() => Task.FromResult(_factory.Emails.Sent.Any(m => m.To == learners[3].Email && m.Subject.Contains("admis"))), "the promoted learner is told");
        var events = await OutboxTypesAsync(cohortId);
        events.Count(e => e.Contains("LearnerEnrolled")).Should().Be(4);
        events.Count(e => e.Contains("LearnerWithdrew")).Should().Be(1);
    }

    // Slow: fifty applications, then fifty decisions at once.
    [Test]
    [Category("Slow")]
    public async Task Fifty_parallel_admissions_for_three_seats_give_exactly_three()
    {
        var cohortId = await _world.CohortAsync(capacity: 3);
        var applications = new List<Guid>();
        foreach (var (client, _, _) in await _world.LearnersAsync(50))
        {
            applications.Add(await CohortWorld.ApplyAsync(client, cohortId));
        }

        var responses = await Task.WhenAll(applications.Select(a => _world.DecideAsync(cohortId, a, "Admit")));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(3);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(47);
        foreach (var rejected in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await rejected.ShouldBeProblemAsync(HttpStatusCode.Conflict, "cohort-full");
        }

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohortsDbContext>();
        (await db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.SeatsTaken).SingleAsync()).Should().Be(3);
        (await db.Members.CountAsync(m => m.CohortId == cohortId && m.Role == CohortRole.Learner)).Should().Be(3);
        (await db.Applications.CountAsync(a => a.CohortId == cohortId && a.Status == ApplicationStatus.Admitted)).Should().Be(3);
    }

    [Test]
    public async Task One_live_application_per_learner_and_only_inside_the_window()
    {
        var cohortId = await _world.CohortAsync();
        var (learner, _, _) = await _world.LearnerAsync();
        var applicationId = await CohortWorld.ApplyAsync(learner, cohortId);

        await (await learner.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/applications", new { motivation = "Encore" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "duplicate-application");

        (await learner.PostAsync($"/api/v1/cohorts/{cohortId}/applications/{applicationId}/withdraw", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await learner.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/applications", new { motivation = "Je reviens." })).StatusCode.Should().Be(HttpStatusCode.Created);

        var notYetOpen = await _world.CohortAsync(windowOpen: false);
        await (await learner.PostAsJsonAsync($"/api/v1/cohorts/{notYetOpen}/applications", new { motivation = "Trop tôt" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "application-window-closed");
    }

    [Test]
    public async Task A_learner_cannot_decide_on_applications_nor_read_the_queue()
    {
        var cohortId = await _world.CohortAsync();
        var (learner, _, _) = await _world.LearnerAsync();
        var applicationId = await CohortWorld.ApplyAsync(learner, cohortId);

        await (await _world.DecideAsync(cohortId, applicationId, "Admit", by: learner)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var noDecision = await (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/applications/{applicationId}/decision", new { note = "oubli" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        noDecision["errors"]!.AsObject().Should().ContainKey("decision");
        await (await learner.GetAsync($"/api/v1/cohorts/{cohortId}/applications")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var queue = await (await _world.Trainer.GetAsync($"/api/v1/cohorts/{cohortId}/applications?status=Submitted")).ReadJsonAsync();
        queue["items"]!.AsArray().Should().ContainSingle(a => a!["id"]!.GetValue<Guid>() == applicationId && a["applicantName"]!.GetValue<string>() == "learner");
        queue["items"]![0]!["answers"]!["Expérience"]!.GetValue<string>().Should().Be("3 ans");
    }

    [Test]
    public async Task Fields_the_applicant_does_not_own_are_ignored()
    {
        var cohortId = await _world.CohortAsync();
        var (learner, learnerId, _) = await _world.LearnerAsync();

        var response = await learner.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/applications",
            new { motivation = "Admettez-moi", status = "Admitted", applicantId = Guid.NewGuid(), decisionNote = "auto-admis" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var application = await response.ReadJsonAsync();
        application["status"]!.GetValue<string>().Should().Be("Submitted");
        application["applicantId"]!.GetValue<Guid>().Should().Be(learnerId);
        application["decisionNote"].Should().BeNull();
        (await _world.CohortJsonAsync(cohortId))["seatsTaken"]!.GetValue<int>().Should().Be(0);
    }

    [Test]
    public async Task A_decided_application_cannot_be_decided_again()
    {
        var cohortId = await _world.CohortAsync();
        var (learner, _, _) = await _world.LearnerAsync();
        var applicationId = await CohortWorld.ApplyAsync(learner, cohortId);
        (await _world.DecideAsync(cohortId, applicationId, "Reject", "Profil trop avancé")).StatusCode.Should().Be(HttpStatusCode.OK);

        await (await _world.DecideAsync(cohortId, applicationId, "Admit")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "application-already-decided");
        var mine = await (await learner.GetAsync("/api/v1/me/applications")).ReadJsonAsync();
        mine["items"]![0]!["status"]!.GetValue<string>().Should().Be("Rejected");
        mine["items"]![0]!["decisionNote"]!.GetValue<string>().Should().Be("Profil trop avancé");
    }

    [Test]
    public async Task Inter_company_visibility_a_learner_of_another_organisation_sees_nothing()
    {
        var otherOrganization = await _world.Admin.CreateOrganizationAsync();
        var (partner, partnerAdmin) = await _world.PartnerAsync();
        var cohortId = await _world.CohortAsync(organizationIds: [_world.OrganizationId, partner]);
        await CohortWorld.AcceptPartnershipAsync(partnerAdmin, cohortId, partner);
        var (outsider, _, _) = await _world.LearnerAsync(otherOrganization);
        var (partnerLearner, _, _) = await _world.LearnerAsync(partner);

        await (await outsider.GetAsync($"/api/v1/cohorts/{cohortId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await outsider.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/applications", new { motivation = "Moi aussi" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await outsider.GetAsync($"/api/v1/cohorts/{cohortId}/members")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        var list = await (await outsider.GetAsync("/api/v1/cohorts?pageSize=100")).ReadJsonAsync();
        list["items"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).Should().NotContain(cohortId);

        var open = await (await partnerLearner.GetAsync("/api/v1/cohorts?openForApplication=true&pageSize=100")).ReadJsonAsync();
        open["items"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).Should().Contain(cohortId);
        var notYetMine = await (await partnerLearner.GetAsync("/api/v1/cohorts?mine=true&pageSize=100")).ReadJsonAsync();
        notYetMine["items"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).Should().NotContain(cohortId);
        var run = await (await _world.Trainer.GetAsync("/api/v1/cohorts?mine=true&pageSize=100")).ReadJsonAsync();
        run["items"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).Should().Contain(cohortId);
        await CohortWorld.ApplyAsync(partnerLearner, cohortId);
    }

    [Test]
    public async Task Cohort_input_is_validated_field_by_field()
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(CohortWorld.CohortBody(_world.CourseId))!.AsObject();
        body["capacity"] = 201;
        body["startsOn"] = "2027-06-30";
        body["endsOn"] = "2027-03-01";
        body["timeZone"] = "Mars/Olympus_Mons";

        var problem = await (await _world.Trainer.PostAsJsonAsync("/api/v1/cohorts", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        problem["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["capacity", "endsOn", "timeZone"]);

        body = System.Text.Json.JsonSerializer.SerializeToNode(CohortWorld.CohortBody(_world.CourseId))!.AsObject();
        var startsOn = DateOnly.Parse(body["startsOn"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        body["applicationsCloseAt"] = startsOn.AddDays(1).ToString("yyyy-MM-dd") + "T10:00:00Z";
        var late = await (await _world.Trainer.PostAsJsonAsync("/api/v1/cohorts", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        late["errors"]!.AsObject().Should().ContainKey("applicationsCloseAt");

        body["applicationsCloseAt"] = startsOn.AddDays(-10).ToString("yyyy-MM-dd") + "T10:00:00Z";
        body["courseId"] = Guid.NewGuid().ToString();
        await (await _world.Trainer.PostAsJsonAsync("/api/v1/cohorts", body)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        var (learner, _, _) = await _world.LearnerAsync();
        await (await learner.PostAsJsonAsync("/api/v1/cohorts", CohortWorld.CohortBody(_world.CourseId))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Test]
    public async Task Capacity_cannot_drop_below_the_seats_taken_and_if_match_protects_updates()
    {
        var cohortId = await _world.CohortAsync(capacity: 3);
        for (var i = 0; i < 2; i++)
        {
            var (learner, _, _) = await _world.LearnerAsync();
            (await _world.DecideAsync(cohortId, await CohortWorld.ApplyAsync(learner, cohortId), "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var read = await _world.Trainer.GetAsync($"/api/v1/cohorts/{cohortId}");
        var etag = read.Headers.ETag!.Tag;
        var update = System.Text.Json.JsonSerializer.SerializeToNode(CohortWorld.CohortBody(_world.CourseId, capacity: 1))!.AsObject();
        await (await Put(update, etag)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "capacity-below-seats-taken");

        update["capacity"] = 10;
        var ok = await Put(update, etag);
        ok.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ok.ReadJsonAsync())["seatsLeft"]!.GetValue<int>().Should().Be(8);
        await (await Put(update, etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");

        Task<HttpResponseMessage> Put(System.Text.Json.Nodes.JsonObject body, string ifMatch)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/cohorts/{cohortId}") { Content = JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return _world.Trainer.SendAsync(request);
        }
    }

    private async Task<List<string>> OutboxTypesAsync(Guid cohortId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CohortsDbContext>().OutboxMessages
            .Where(m => m.Payload.Contains(cohortId.ToString())).Select(m => m.Type).ToListAsync();
    }
}
