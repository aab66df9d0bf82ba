using System.Net;
using System.Net.Http.Json;
using System.Text;
using AwesomeAssertions;
using ClosedXML.Excel;
using Spoc.Api.Tests.Assessment;
using Spoc.Api.Tests.Cohorts;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Platform.Contracts;

namespace Spoc.Api.Tests.FollowUp;

/// <summary>
/// An organisation's HR view of its employees' skills. The owner runs a cohort of its own (employee A) and an inter-company
/// cohort with a partner (employees A and B, and the partner's employee P). The owner sees A in both cohorts and B, never P;
/// the partner sees P in the owner's cohort, and nobody else.
/// </summary>
public sealed class OrganizationSkillsTests
{
    private SpocApiFactory _factory = null!;
    private CohortWorld _world = null!;
    private HttpClient _ownerHr = null!;
    private HttpClient _partnerHr = null!;
    private Guid _partnerId;
    private Guid _ownCohortId;
    private Guid _sharedCohortId;
    private (HttpClient Client, Guid Id, string Email) _a;
    private (HttpClient Client, Guid Id, string Email) _b;
    private (HttpClient Client, Guid Id, string Email) _p;

    private string Owner => $"/api/v1/organizations/{_world.OrganizationId}/skills";

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _world = await CohortWorld.CreateAsync(_factory);
        _ownerHr = (await _factory.PeopleAsync(1, "hr", _world.OrganizationId, OrganizationRole.OrgAdmin)).Single().Client;
        (_partnerId, _partnerHr) = await _world.PartnerAsync();
        (_a, _b) = (await _world.LearnerAsync(), await _world.LearnerAsync());
        _p = await _world.LearnerAsync(_partnerId);

        _ownCohortId = await CohortAsync("Cohorte interne", [_world.OrganizationId]);
        _sharedCohortId = await CohortAsync("Cohorte inter-entreprises", [_world.OrganizationId, _partnerId]);
        await CohortWorld.AcceptPartnershipAsync(_partnerHr, _sharedCohortId, _partnerId);
        await EnrolAsync(_world.Trainer, _ownCohortId, _a.Email);
        await EnrolAsync(_world.Trainer, _sharedCohortId, _a.Email, _b.Email);
        await EnrolAsync(_partnerHr, _sharedCohortId, _p.Email);

        // Their rows appear as the enrolments reach the follow-up: C1 not started, for each of them.
        await TestApi.EventuallyAsync(async () =>
            (await (await _ownerHr.GetAsync(Owner)).ReadJsonAsync())["employees"]!["totalCount"]!.GetValue<int>() == 2
            && (await (await _partnerHr.GetAsync($"/api/v1/organizations/{_partnerId}/skills")).ReadJsonAsync())["employees"]!["totalCount"]!.GetValue<int>() == 1,
            "every enrolment has reached the follow-up");
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private async Task<Guid> CohortAsync(string title, Guid[] organizationIds)
    {
        var startsOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7);
        var start = startsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var created = await _world.Trainer.PostAsJsonAsync("/api/v1/cohorts", new
        {
            courseId = _world.CourseId, title, capacity = 20, startsOn = startsOn.ToString("yyyy-MM-dd"), endsOn = startsOn.AddDays(90).ToString("yyyy-MM-dd"),
            applicationsOpenAt = start.AddDays(-30), applicationsCloseAt = start.AddDays(-2), admissionMode = "OrganizationEnrollment", organizationIds, timeZone = "Europe/Paris",
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    private static async Task EnrolAsync(HttpClient by, Guid cohortId, params string[] emails)
    {
        var enrolled = await by.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/enrolments", new { emails });
        enrolled.StatusCode.Should().Be(HttpStatusCode.OK, await enrolled.Content.ReadAsStringAsync());
        (await enrolled.ReadJsonAsync())["enrolled"]!.GetValue<int>().Should().Be(emails.Length);
    }

    [Test]
    public async Task The_owner_sees_its_own_employees_across_its_cohorts_and_never_the_partner_s()
    {
        var skills = await (await _ownerHr.GetAsync(Owner)).ReadJsonAsync();
        var employees = skills["employees"]!["items"]!.AsArray();
        employees.Select(e => e!["learnerId"]!.GetValue<Guid>()).Should().BeEquivalentTo([_a.Id, _b.Id]);
        employees.Single(e => e!["learnerId"]!.GetValue<Guid>() == _a.Id)!["cohorts"]!.AsArray()
            .Select(c => (c!["title"]!.GetValue<string>(), c["skills"]!.AsArray().Single()!["code"]!.GetValue<string>(), c["skills"]![0]!["status"]!.GetValue<string>()))
            .Should().Equal(("Cohorte inter-entreprises", "C1", "NotStarted"), ("Cohorte interne", "C1", "NotStarted"));
        var shared = skills["cohorts"]!.AsArray().Single(c => c!["cohortId"]!.GetValue<Guid>() == _sharedCohortId)!;
        (shared["employees"]!.GetValue<int>(), shared["acquired"]!.GetValue<int>(), shared["skills"]!.GetValue<int>()).Should().Be((2, 0, 2), "the partner's employee does not count");

        var partner = await (await _partnerHr.GetAsync($"/api/v1/organizations/{_partnerId}/skills")).ReadJsonAsync();
        partner["employees"]!["items"]!.AsArray().Select(e => e!["learnerId"]!.GetValue<Guid>()).Should().Equal(_p.Id);
        partner["cohorts"]!.AsArray().Select(c => c!["cohortId"]!.GetValue<Guid>()).Should().Equal(_sharedCohortId);
    }

    [Test]
    public async Task Only_the_organisation_s_admins_see_it()
    {
        await (await _partnerHr.GetAsync(Owner)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _world.Trainer.GetAsync(Owner)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _a.Client.GetAsync(Owner)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _p.Client.GetAsync($"{Owner}/export")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await (await _factory.NewUserAsync("outsider")).Client.GetAsync(Owner)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        (await _world.Admin.GetAsync(Owner)).StatusCode.Should().Be(HttpStatusCode.OK, "the platform admin counts as an admin of every organisation");
        await (await _ownerHr.GetAsync($"{Owner}?pageSize=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Test]
    public async Task The_exports_hold_one_line_per_employee_cohort_and_competency_and_no_one_else()
    {
        var csv = await _ownerHr.GetAsync($"{Owner}/export?format=csv");
        csv.StatusCode.Should().Be(HttpStatusCode.OK, await csv.Content.ReadAsStringAsync());
        var lines = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("Apprenant;Email;Cohorte;Compétence;Maîtrise (%);Activités faites;Activités;Acquise le");
        lines.Skip(1).Should().HaveCount(3).And.Contain($"learner;{_a.Email};Cohorte interne;C1;;0;0;").And.NotContain(l => l.Contains(_p.Email));

        var xlsx = await _ownerHr.GetAsync($"{Owner}/export?format=xlsx");
        xlsx.StatusCode.Should().Be(HttpStatusCode.OK, await xlsx.Content.ReadAsStringAsync());
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var emails = workbook.Worksheet(1).RowsUsed().Skip(1).Select(r => r.Cell(2).GetString()).ToList();
        emails.Should().BeEquivalentTo([_a.Email, _a.Email, _b.Email]);
    }

    [Test]
    public async Task The_matrix_and_its_export_run_the_same_number_of_queries_for_10_and_200_learners()
    {
        async Task<(int Matrix, int Export)> StatementsAsync(int learners)
        {
            var world = await AssessmentWorld.CreateAsync(_factory, learners);
            var cohort = $"/api/v1/cohorts/{world.CohortId}";
            (await world.Trainer.GetAsync($"{cohort}/skills")).StatusCode.Should().Be(HttpStatusCode.OK); // fills the rows of learners whose events are still on their way
            async Task<int> CountAsync(string route)
            {
                _factory.Queries.Reset();
                var response = await world.Trainer.GetAsync(route);
                response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
                return _factory.Queries.Count;
            }

            return (await CountAsync($"{cohort}/skills?pageSize=100"), await CountAsync($"{cohort}/skills/export?format=xlsx"));
        }

        (await StatementsAsync(200)).Should().Be(await StatementsAsync(10));
    }
}
