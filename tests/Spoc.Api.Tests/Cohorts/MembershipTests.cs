using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.Modules.Platform.Data;

namespace Spoc.Api.Tests.Cohorts;

public sealed class MembershipTests
{
    private SpocApiFactory _factory = null!;
    private CohortWorld _world = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        // A short lifetime and a short step: the bearer tokens' lifetimes are checked against the real clock (30 s of skew).
        _factory = new SpocApiFactory(new Dictionary<string, string?> { ["Cohorts:InvitationLifetime"] = "00:00:01" }) { Clock = new FakeTimeProvider(DateTimeOffset.UtcNow) };
        _world = await CohortWorld.CreateAsync(_factory);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task An_invitation_is_single_use_personal_expires_and_survives_a_full_cohort()
    {
        var cohortId = await _world.CohortAsync(capacity: 1, mode: "InviteOnly");
        var (invitee, inviteeId, inviteeEmail) = await _world.LearnerAsync();
        var (other, _, _) = await _world.LearnerAsync();

        var token = await InviteAsync(cohortId, inviteeEmail);
        token.Length.Should().BeGreaterThanOrEqualTo(43, "256 random bits, base64url");

        await (await other.PostAsync($"/api/v1/invitations/{token}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        var accepted = await invitee.PostAsync($"/api/v1/invitations/{token}/accept", null);
        accepted.StatusCode.Should().Be(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        (await _world.CohortJsonAsync(cohortId, invitee))["myRole"]!.GetValue<string>().Should().Be("Learner");
        await (await invitee.PostAsync($"/api/v1/invitations/{token}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "invitation-used");

        // The only seat is taken: a second invitee gets cohort-full and keeps a usable invitation.
        var (second, _, secondEmail) = await _world.LearnerAsync();
        var secondToken = await InviteAsync(cohortId, secondEmail);
        await (await second.PostAsync($"/api/v1/invitations/{secondToken}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "cohort-full");
        (await _world.Trainer.DeleteAsync($"/api/v1/cohorts/{cohortId}/members/{inviteeId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await second.PostAsync($"/api/v1/invitations/{secondToken}/accept", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var (late, _, lateEmail) = await _world.LearnerAsync();
        var lateToken = await InviteAsync(cohortId, lateEmail);
        _factory.Clock!.Advance(TimeSpan.FromSeconds(2));
        await (await late.PostAsync($"/api/v1/invitations/{lateToken}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "invitation-expired");

        await (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{await _world.CohortAsync()}/invitations", new { email = lateEmail }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "admission-mode-mismatch");
    }

    [Test]
    public async Task An_org_admin_enrols_employees_at_once_with_an_outcome_per_email()
    {
        var cohortId = await _world.CohortAsync(capacity: 2, mode: "OrganizationEnrollment");
        var (_, _, first) = await _world.LearnerAsync();
        var (_, _, second) = await _world.LearnerAsync();
        var (_, _, third) = await _world.LearnerAsync();
        var (_, _, outsider) = await _world.LearnerAsync(await _world.Admin.CreateOrganizationAsync());
        var (orgAdmin, _, orgAdminEmail) = await _factory.NewUserAsync("orgadmin");
        await _world.Admin.AddMemberAsync(_world.OrganizationId, orgAdminEmail, "OrgAdmin");

        var response = await orgAdmin.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/enrolments", new { emails = new[] { first, second, third, "nobody@example.test", outsider, first } });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.ReadJsonAsync();
        body["enrolled"]!.GetValue<int>().Should().Be(2);
        body["results"]!.AsArray().Select(r => (r!["email"]!.GetValue<string>(), r["outcome"]!.GetValue<string>())).Should().Equal(
            (first, "Enrolled"), (second, "Enrolled"), (third, "CohortFull"), ("nobody@example.test", "NotFound"), (outsider, "NotFound"));
        (await _world.CohortJsonAsync(cohortId))["seatsTaken"]!.GetValue<int>().Should().Be(2);

        var (learner, _, _) = await _world.LearnerAsync();
        await (await learner.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/enrolments", new { emails = new[] { third } })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task A_partner_organisation_admin_enrols_their_own_people_only()
    {
        var (partner, partnerAdmin) = await _world.PartnerAsync();
        var cohortId = await _world.CohortAsync(capacity: 5, mode: "OrganizationEnrollment", organizationIds: [_world.OrganizationId, partner]);
        var (_, _, employee) = await _world.LearnerAsync(partner);
        var (_, _, notTheirs) = await _world.LearnerAsync();
        await CohortWorld.AcceptPartnershipAsync(partnerAdmin, cohortId, partner);

        var response = await partnerAdmin.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/enrolments", new { emails = new[] { employee, notTheirs } });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync())["results"]!.AsArray().Select(r => r!["outcome"]!.GetValue<string>()).Should().Equal("Enrolled", "NotFound");
        await (await partnerAdmin.GetAsync($"/api/v1/cohorts/{cohortId}/applications")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Test]
    public async Task Every_roster_filter_gives_its_own_rows_and_total_on_every_page()
    {
        var cohortId = await _world.CohortAsync(capacity: 5);
        var (_, mentorId, _) = await _world.MentorAsync(cohortId);
        var learners = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var (learner, learnerId, _) = await _world.LearnerAsync();
            (await _world.DecideAsync(cohortId, await CohortWorld.ApplyAsync(learner, cohortId), "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);
            learners.Add(learnerId);
        }

        foreach (var mentee in learners.Take(2))
        {
            (await _world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{cohortId}/members/{mentee}/mentor", new { mentorId })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        async Task<(List<Guid> Ids, int Total)> Roster(string filter)
        {
            var page = await (await _world.Trainer.GetAsync($"/api/v1/cohorts/{cohortId}/members?{filter}")).ReadJsonAsync();
            return ([.. page["items"]!.AsArray().Select(m => m!["userId"]!.GetValue<Guid>())], page["totalCount"]!.GetValue<int>());
        }

        var everyone = await Roster("pageSize=100");
        everyone.Ids.Should().Contain(learners).And.Contain(mentorId);
        everyone.Total.Should().Be(everyone.Ids.Count);
        (await Roster("role=Learner")).Should().BeEquivalentTo((learners, 3));
        (await Roster($"mentorId={mentorId}")).Should().BeEquivalentTo((learners.Take(2).ToList(), 2));
        (await Roster($"role=Learner&mentorId={mentorId}")).Should().BeEquivalentTo((learners.Take(2).ToList(), 2));
        (await Roster($"role=Mentor&mentorId={mentorId}")).Should().BeEquivalentTo((new List<Guid>(), 0));
        var pages = new[] { await Roster("role=Learner&pageSize=2&page=1"), await Roster("role=Learner&pageSize=2&page=2"), await Roster("role=Learner&pageSize=2&page=3") };
        pages.Select(p => p.Ids.Count).Should().Equal(2, 1, 0);
        pages.Select(p => p.Total).Should().Equal(3, 3, 3);
        pages.SelectMany(p => p.Ids).Should().BeEquivalentTo(learners);
    }

    [Test]
    public async Task Roster_shows_mentors_and_hides_emails_from_learners()
    {
        var cohortId = await _world.CohortAsync(capacity: 5);
        var (mentor, mentorId, mentorEmail) = await _world.MentorAsync(cohortId);
        var (learner, learnerId, _) = await _world.LearnerAsync();
        (await _world.DecideAsync(cohortId, await CohortWorld.ApplyAsync(learner, cohortId), "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await _world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{cohortId}/members/{learnerId}/mentor", new { mentorId })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{cohortId}/members/{learnerId}/mentor", new { mentorId = learnerId }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "not-a-mentor");

        var mentees = await (await mentor.GetAsync($"/api/v1/cohorts/{cohortId}/members?mentorId={mentorId}")).ReadJsonAsync();
        mentees["items"]!.AsArray().Should().ContainSingle(m => m!["userId"]!.GetValue<Guid>() == learnerId);

        var seenByLearner = await (await learner.GetAsync($"/api/v1/cohorts/{cohortId}/members")).ReadJsonAsync();
        seenByLearner["items"]!.AsArray().Should().OnlyContain(m => m!["email"] == null);
        seenByLearner["items"]!.AsArray().Single(m => m!["userId"]!.GetValue<Guid>() == learnerId)!["mentorName"]!.GetValue<string>().Should().Be("mentor");
        var seenByStaff = await (await _world.Trainer.GetAsync($"/api/v1/cohorts/{cohortId}/members")).ReadJsonAsync();
        seenByStaff["items"]!.AsArray().Should().OnlyContain(m => m!["email"] != null);

        await (await learner.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/members", new { email = mentorEmail, role = "Trainer" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await learner.DeleteAsync($"/api/v1/cohorts/{cohortId}/members/{mentorId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Test]
    public async Task Groups_hold_each_learner_once_and_the_automatic_split_is_balanced()
    {
        var cohortId = await _world.CohortAsync(capacity: 10);
        var learners = new List<(HttpClient Client, Guid Id)>();
        for (var i = 0; i < 8; i++)
        {
            var (client, id, _) = await _world.LearnerAsync();
            (await _world.DecideAsync(cohortId, await CohortWorld.ApplyAsync(client, cohortId), "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);
            learners.Add((client, id));
        }

        var created = await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/groups", new { name = "Les pionniers", memberIds = new[] { learners[0].Id } });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        await (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/groups", new { name = "Doublon", memberIds = new[] { learners[0].Id } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "already-in-group");
        await (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/groups", new { name = "Intrus", memberIds = new[] { _world.TrainerId } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        var auto = await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/groups/auto", new { groupSize = 3 });
        auto.StatusCode.Should().Be(HttpStatusCode.OK);
        var sizes = (await auto.Content.ReadFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>())!.Select(g => g["members"]!.AsArray().Count).OrderBy(s => s).ToList();
        sizes.Should().Equal(2, 2, 3);

        var seen = await learners[5].Client.GetFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>($"/api/v1/cohorts/{cohortId}/groups");
        seen!.Should().HaveCount(4);
        seen!.SelectMany(g => g["members"]!.AsArray().Select(m => m!["userId"]!.GetValue<Guid>())).Should().BeEquivalentTo(learners.Select(l => l.Id));
        await (await learners[5].Client.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/groups/auto", new { groupSize = 2 })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Test]
    public async Task The_roster_of_10_and_of_200_members_runs_the_same_number_of_queries()
    {
        async Task<int> QueriesForRoster(int size)
        {
            var cohortId = await _world.CohortAsync(capacity: 200);
            await SeedLearnersAsync(cohortId, size);
            _factory.Queries.Reset();
            var roster = await (await _world.Trainer.GetAsync($"/api/v1/cohorts/{cohortId}/members?pageSize=100")).ReadJsonAsync();
            roster["totalCount"]!.GetValue<int>().Should().Be(size + 1);
            roster["items"]!.AsArray().Where(m => m!["role"]!.GetValue<string>() == "Learner").Should().OnlyContain(m => m!["displayName"]!.GetValue<string>().StartsWith("Apprenant"));
            return _factory.Queries.Count;
        }

        var small = await QueriesForRoster(10);
        var large = await QueriesForRoster(200);

        large.Should().Be(small);
        TestContext.Out.WriteLine($"Roster queries: {small} for 10 members, {large} for 200");
    }

    [Test]
    public async Task A_mentor_of_10_and_of_200_learners_reads_the_roster_and_their_schedules_with_the_same_number_of_queries()
    {
        var (mentor, mentorId, mentorEmail) = await _factory.NewUserAsync("mentor");
        await _world.Admin.AddMemberAsync(_world.OrganizationId, mentorEmail, "Mentor");

        async Task<int> QueriesFor(int mentees)
        {
            var cohortId = await _world.CohortAsync(capacity: 200);
            (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/members", new { email = mentorEmail, role = "Mentor" })).StatusCode.Should().Be(HttpStatusCode.Created);
            var learners = await SeedLearnersAsync(cohortId, mentees, mentorId);
            _factory.Queries.Reset();
            var roster = await (await mentor.GetAsync($"/api/v1/cohorts/{cohortId}/members?pageSize=100")).ReadJsonAsync();
            roster["items"]!.AsArray().Where(m => m!["role"]!.GetValue<string>() == "Learner").Should().OnlyContain(m => m!["email"] != null);
            (await mentor.GetAsync($"/api/v1/cohorts/{cohortId}/schedule?userId={learners[^1]}")).StatusCode.Should().Be(HttpStatusCode.OK);
            return _factory.Queries.Count;
        }

        (await QueriesFor(200)).Should().Be(await QueriesFor(10));
    }

    private async Task<string> InviteAsync(Guid cohortId, string email)
    {
        var response = await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/invitations", new { email });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["token"]!.GetValue<string>();
    }

    /// <summary>Accounts and seats written straight to the tables: 200 registrations through HTTP would only measure password hashing.</summary>
    private async Task<List<Guid>> SeedLearnersAsync(Guid cohortId, int count, Guid? mentorId = null)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var cohorts = scope.ServiceProvider.GetRequiredService<CohortsDbContext>();
        for (var i = 0; i < count; i++)
        {
            var email = TestApi.UniqueEmail("seeded");
            var user = new User { Email = email, NormalizedEmail = email, DisplayName = $"Apprenant {i:000}", CreatedAt = DateTimeOffset.UtcNow, PasswordHash = "unused" };
            platform.Users.Add(user);
            cohorts.Members.Add(new CohortMember { CohortId = cohortId, UserId = user.Id, Role = CohortRole.Learner, MentorId = mentorId, JoinedAt = DateTimeOffset.UtcNow });
        }

        await platform.SaveChangesAsync();
        await cohorts.SaveChangesAsync();
        return cohorts.Members.Local.Where(m => m.CohortId == cohortId && m.Role == CohortRole.Learner).Select(m => m.UserId).ToList();
    }
}
