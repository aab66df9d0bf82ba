using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Spoc.Api.Tests.Cohorts;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Platform.Contracts;

namespace Spoc.Api.Tests.Integrations;

/// <summary>
/// What each scope opens, with real data: a system of the organisation enrols its employees in an organisation-enrolment
/// cohort and reads the cohort's members, schedule, progress, attendance, grades and certificates, and its members'
/// directory; a system of another organisation holding every scope finds none of it (404).
/// </summary>
public sealed class ClientReachTests
{
    private SpocApiFactory _factory = null!;
    private CohortWorld _world = null!;
    private Guid _cohortId;
    private string[] _reads = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _world = await CohortWorld.CreateAsync(_factory);
        _cohortId = await _world.CohortAsync(capacity: 5, mode: "OrganizationEnrollment");
        _reads =
        [
            $"/cohorts/{_cohortId}", $"/cohorts/{_cohortId}/members", $"/cohorts/{_cohortId}/groups", $"/cohorts/{_cohortId}/schedule",
            $"/cohorts/{_cohortId}/sessions", $"/cohorts/{_cohortId}/progress", $"/cohorts/{_cohortId}/attendance", $"/cohorts/{_cohortId}/assignments",
            $"/cohorts/{_cohortId}/gradebook", $"/cohorts/{_cohortId}/gradebook.csv", $"/cohorts/{_cohortId}/certificates",
            $"/cohorts/{_cohortId}/certification/eligibility", $"/organizations/{_world.OrganizationId}/members",
        ];
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task A_system_of_the_organisation_enrols_its_people_and_reads_what_its_scopes_open()
    {
        var orgAdmin = (await _factory.PeopleAsync(1, "org-admin", _world.OrganizationId, OrganizationRole.OrgAdmin)).Single().Client;
        var (clientId, secret) = await orgAdmin.CreateApiClientAsync(_world.OrganizationId);
        var system = await _factory.AsApiClientAsync(clientId, secret);
        var employees = await _world.LearnersAsync(2);

        var enrolled = await system.PostAsJsonAsync($"/api/v1/cohorts/{_cohortId}/enrolments", new { emails = employees.Select(e => e.Email) });
        enrolled.StatusCode.Should().Be(HttpStatusCode.OK, await enrolled.Content.ReadAsStringAsync());
        (await enrolled.ReadJsonAsync())["enrolled"]!.GetValue<int>().Should().Be(2);

        foreach (var path in _reads)
        {
            var response = await system.GetAsync("/api/v1" + path);
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{path}: {await response.Content.ReadAsStringAsync()}");
        }

        var members = await system.GetStringAsync($"/api/v1/cohorts/{_cohortId}/members?pageSize=100");
        members.Should().Contain(employees[0].Id.ToString()).And.Contain(employees[1].Id.ToString());
    }

    [Test]
    public async Task A_system_of_another_organisation_finds_nothing_whatever_its_scopes()
    {
        var (elsewhere, elsewhereAdmin) = await _world.PartnerAsync();
        var (clientId, secret) = await elsewhereAdmin.CreateApiClientAsync(elsewhere);
        var stranger = await _factory.AsApiClientAsync(clientId, secret);
        var employee = await _world.LearnerAsync();

        foreach (var path in _reads)
        {
            await (await stranger.GetAsync("/api/v1" + path)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        }

        await (await stranger.PostAsJsonAsync($"/api/v1/cohorts/{_cohortId}/enrolments", new { emails = new[] { employee.Email } }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
