using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Platform.Contracts;

namespace Spoc.Api.Tests.Platform;

/// <summary>The platform admin's screens: suspending organisations, finding and disabling accounts, reset mails, the system page.</summary>
public sealed class PlatformAdminTests
{
    private SpocApiFactory _factory = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _admin = await _factory.AdminClientAsync();
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task A_suspended_organisation_grants_nothing_in_any_module_takes_no_members_and_comes_back_as_it_was()
    {
        var organizationId = await _admin.CreateOrganizationAsync();
        var (orgAdmin, _, _) = (await _factory.PeopleAsync(1, "admin", organizationId, OrganizationRole.OrgAdmin)).Single();
        var (trainer, _, _) = (await _factory.PeopleAsync(1, "trainer", organizationId, OrganizationRole.Trainer)).Single();
        object Course(Guid? organization = null) => new { organizationId = organization ?? organizationId, title = "Gestion de projet", summary = "", language = "fr", competencies = Array.Empty<object>() };
        (await trainer.PostAsJsonAsync("/api/v1/courses", Course())).StatusCode.Should().Be(HttpStatusCode.Created);

        var suspended = await _admin.PostAsync($"/api/v1/organizations/{organizationId}/suspend", null);
        suspended.StatusCode.Should().Be(HttpStatusCode.OK);
        (await suspended.ReadJsonAsync())["suspendedAt"].Should().NotBeNull();

        await (await orgAdmin.GetAsync($"/api/v1/organizations/{organizationId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await orgAdmin.GetAsync($"/api/v1/organizations/{organizationId}/members")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        (await (await orgAdmin.GetAsync("/api/v1/me")).ReadJsonAsync())["organizations"]!.AsArray().Should().BeEmpty();
        (await (await orgAdmin.GetAsync("/api/v1/organizations")).ReadJsonAsync())["totalCount"]!.GetValue<int>().Should().Be(0);
        await (await trainer.PostAsJsonAsync("/api/v1/courses", Course())).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found"); // Courses asks Platform's contract
        await (await _admin.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/members", new { email = TestApi.UniqueEmail(), role = "Learner" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "organization-suspended");
        (await (await _admin.GetAsync($"/api/v1/organizations/{organizationId}")).ReadJsonAsync())["memberCount"]!.GetValue<int>().Should().Be(2, "nothing is deleted");

        (await _admin.PostAsync($"/api/v1/organizations/{organizationId}/suspend", null)).StatusCode.Should().Be(HttpStatusCode.OK, "suspending twice is the same");
        var reactivated = await _admin.PostAsync($"/api/v1/organizations/{organizationId}/reactivate", null);
        reactivated.StatusCode.Should().Be(HttpStatusCode.OK);
        (await reactivated.ReadJsonAsync())["suspendedAt"].Should().BeNull();
        (await orgAdmin.GetAsync($"/api/v1/organizations/{organizationId}/members")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await trainer.PostAsJsonAsync("/api/v1/courses", Course())).StatusCode.Should().Be(HttpStatusCode.Created);
        await (await _admin.PostAsync($"/api/v1/organizations/{Guid.NewGuid()}/suspend", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        // The platform admin is the admin of every organisation that exists, and of no other.
        (await _admin.PostAsJsonAsync("/api/v1/courses", Course())).StatusCode.Should().Be(HttpStatusCode.Created);
        await (await _admin.PostAsJsonAsync("/api/v1/courses", Course(Guid.NewGuid()))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task A_disabled_account_can_neither_sign_in_nor_refresh_until_enabled()
    {
        var email = await _factory.AccountAsync("disabled");
        var http = _factory.CreateClient();
        var session = await http.SignInAsync(email);
        var userId = TestApi.UserIdOf(session.AccessToken);

        (await _admin.PostAsync($"/api/v1/users/{userId}/disable", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Seed.Password })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "account-disabled");
        await (await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Wrong-Pass-1" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        await (await http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = session.RefreshToken })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
        var found = await (await _admin.GetAsync($"/api/v1/users?q={Uri.EscapeDataString(email)}")).ReadJsonAsync();
        found["items"]![0]!["disabledAt"].Should().NotBeNull();

        (await _admin.PostAsync($"/api/v1/users/{userId}/enable", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Seed.Password })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_platform_admin_cannot_disable_themself_and_unknown_accounts_are_404()
    {
        var me = await (await _admin.GetAsync("/api/v1/me")).ReadJsonAsync();
        await (await _admin.PostAsync($"/api/v1/users/{me["id"]}/disable", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "cannot-disable-self");
        await (await _admin.PostAsync($"/api/v1/users/{Guid.NewGuid()}/disable", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _admin.PostAsync($"/api/v1/users/{Guid.NewGuid()}/password-reset", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task Users_are_found_by_a_part_of_their_name_or_email_ignoring_case_and_paged_in_constant_statements()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var people = await _factory.PeopleAsync(3, "Zoe-" + tag);
        var percent = await _factory.PeopleAsync(1, "rate50%_" + tag);

        var byName = await (await _admin.GetAsync($"/api/v1/users?q=ZOE-{tag.ToUpperInvariant()}&pageSize=2")).ReadJsonAsync();
        byName["totalCount"]!.GetValue<int>().Should().Be(3);
        byName["items"]!.AsArray().Should().HaveCount(2);
        var byEmail = await (await _admin.GetAsync($"/api/v1/users?q={Uri.EscapeDataString(people[0].Email.ToUpperInvariant())}")).ReadJsonAsync();
        byEmail["items"]!.AsArray().Select(u => u!["id"]!.GetValue<Guid>()).Should().Equal(people[0].Id);
        var wildcard = await (await _admin.GetAsync($"/api/v1/users?q={Uri.EscapeDataString("50%_" + tag)}")).ReadJsonAsync();
        wildcard["items"]!.AsArray().Select(u => u!["id"]!.GetValue<Guid>()).Should().Equal(percent[0].Id);
        await (await _admin.GetAsync($"/api/v1/users?q={new string('a', 101)}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await _admin.GetAsync("/api/v1/users?pageSize=101")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        async Task<int> StatementsFor(string q)
        {
            _factory.Queries.Reset();
            (await _admin.GetAsync($"/api/v1/users?q={q}&pageSize=100")).StatusCode.Should().Be(HttpStatusCode.OK);
            return _factory.Queries.Count;
        }

        var few = await StatementsFor("Zoe-" + tag);
        await _factory.PeopleAsync(30, "Zoe-" + tag);
        (await StatementsFor("Zoe-" + tag)).Should().Be(few);
    }

    [Test]
    public async Task The_platform_admin_has_the_reset_link_mailed_to_the_account_owner()
    {
        var (_, userId, email) = await _factory.NewUserAsync("forgetful");
        var mail = RecordingEmailSender.Next(email, m => m.Subject.StartsWith("Réinitialisez", StringComparison.Ordinal));

        (await _admin.PostAsync($"/api/v1/users/{userId}/password-reset", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        (await mail).Body.Should().MatchRegex("/reset-password\\?token=[A-Za-z0-9_-]+");
    }

    [Test]
    public async Task The_system_page_shows_version_provider_outbox_health_and_uptime()
    {
        var system = await (await _admin.GetAsync("/api/v1/system")).ReadJsonAsync();

        system["version"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        system["databaseProvider"]!.GetValue<string>().Should().Be("Sqlite");
        system["uptimeSeconds"]!.GetValue<long>().Should().BeGreaterThanOrEqualTo(0);
        system["health"]!["status"]!.GetValue<string>().Should().Be("Healthy");
        system["health"]!["checks"]!.AsArray().Should().NotBeEmpty();
        var outbox = system["outbox"]!.AsArray();
        outbox.Select(o => o!["module"]!.GetValue<string>()).Should().Contain(["Platform", "Cohorts"]);
        outbox.Should().OnlyContain(o => o!["pending"]!.GetValue<int>() >= o["failed"]!.GetValue<int>());
    }
}
