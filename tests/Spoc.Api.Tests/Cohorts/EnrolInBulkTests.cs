using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Api.Tests.Integrations;

namespace Spoc.Api.Tests.Cohorts;

/// <summary>
/// Enrolment from an HR export (POST /cohorts/{cohortId}/enrolments/bulk): a CSV as a French spreadsheet writes it or a JSON
/// list, an outcome per row, a dry run that changes nothing, seats never oversold, and an API client doing it.
/// </summary>
public sealed class EnrolInBulkTests
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

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static IEnumerable<(int Row, string Outcome)> Outcomes(JsonObject report) =>
        report["results"]!.AsArray().Select(r => (r!["row"]!.GetValue<int>(), r["outcome"]!.GetValue<string>()));

    [Test]
    public async Task A_dry_run_reports_each_row_and_changes_nothing_then_the_real_run_enrols()
    {
        var cohortId = await _world.CohortAsync(capacity: 10, mode: "OrganizationEnrollment");
        var employees = await _world.LearnersAsync(3);
        var (partner, _) = await _world.PartnerAsync();
        var outsider = (await _factory.PeopleAsync(1, "elsewhere", partner)).Single();
        (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/enrolments", new { emails = new[] { employees[2].Email } })).StatusCode.Should().Be(HttpStatusCode.OK);

        // As a French spreadsheet exports it: a byte-order mark, ";" between cells, other columns, a quoted cell, an empty line.
        var csv = "\uFEFFNom;Prénom;Email;Service\r\n"
            + $"Martin;Léa;{employees[0].Email};\"Paie; RH\"\r\n"
            + "Durand;Paul;pas-une-adresse;Ventes\r\n"
            + $"Martin;Léa;{employees[0].Email.ToUpperInvariant()};Paie\r\n"
            + $"Petit;Noé;{employees[1].Email};Achats\r\n"
            + $"Roux;Max;{outsider.Email};Achats\r\n"
            + $"Blanc;Ève;{employees[2].Email};Achats\r\n";
        var url = $"/api/v1/cohorts/{cohortId}/enrolments/bulk";

        var dryRun = await _world.Trainer.PostAsync(url + "?dryRun=true", Csv(csv));
        dryRun.StatusCode.Should().Be(HttpStatusCode.OK, await dryRun.Content.ReadAsStringAsync());
        var plan = await dryRun.ReadJsonAsync();
        plan["dryRun"]!.GetValue<bool>().Should().BeTrue();
        plan["enrolled"]!.GetValue<int>().Should().Be(2);
        Outcomes(plan).Should().Equal((2, "WouldEnrol"), (3, "Invalid"), (4, "Duplicate"), (5, "WouldEnrol"), (6, "NotFound"), (7, "AlreadyMember"));
        plan["results"]![2]!["error"]!.GetValue<string>().Should().Contain("row 2");
        (await _world.CohortJsonAsync(cohortId))["seatsTaken"]!.GetValue<int>().Should().Be(1, "a dry run takes no seat");
        (await _world.Trainer.GetStringAsync($"/api/v1/cohorts/{cohortId}/members?pageSize=100")).Should().NotContain(employees[0].Id.ToString());

        var real = await (await _world.Trainer.PostAsync(url, Csv(csv))).ReadJsonAsync();
        Outcomes(real).Should().Equal((2, "Enrolled"), (3, "Invalid"), (4, "Duplicate"), (5, "Enrolled"), (6, "NotFound"), (7, "AlreadyMember"));
        (await _world.CohortJsonAsync(cohortId))["seatsTaken"]!.GetValue<int>().Should().Be(3);
        var again = await (await _world.Trainer.PostAsync(url, Csv(csv))).ReadJsonAsync();
        again["enrolled"]!.GetValue<int>().Should().Be(0, "repeating the file enrols nobody twice");
    }

    [Test]
    public async Task A_JSON_list_fills_the_last_seats_and_reports_the_rest_full()
    {
        var cohortId = await _world.CohortAsync(capacity: 2, mode: "OrganizationEnrollment");
        var employees = await _world.LearnersAsync(3);
        var report = await (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/enrolments/bulk", new { emails = employees.Select(e => e.Email) })).ReadJsonAsync();
        Outcomes(report).Should().Equal((1, "Enrolled"), (2, "Enrolled"), (3, "CohortFull"));
        report["results"]![0]!["userId"]!.GetValue<Guid>().Should().Be(employees[0].Id);
    }

    [Test]
    public async Task Parallel_runs_never_oversell_seats()
    {
        var cohortId = await _world.CohortAsync(capacity: 3, mode: "OrganizationEnrollment");
        var employees = await _world.LearnersAsync(8);
        var answers = await Task.WhenAll(employees.Chunk(2).Select(pair =>
            _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/enrolments/bulk", new { emails = pair.Select(e => e.Email) })));

        answers.Select(a => a.StatusCode).Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict);
        var enrolled = 0;
        foreach (var answer in answers.Where(a => a.StatusCode == HttpStatusCode.OK))
        {
            enrolled += (await answer.ReadJsonAsync())["enrolled"]!.GetValue<int>();
        }

        enrolled.Should().BeLessThanOrEqualTo(3);
        (await _world.CohortJsonAsync(cohortId))["seatsTaken"]!.GetValue<int>().Should().Be(enrolled, "every seat taken is one reported enrolled");
    }

    [Test]
    public async Task An_HR_system_with_enrolments_write_enrols_from_its_export()
    {
        var cohortId = await _world.CohortAsync(capacity: 5, mode: "OrganizationEnrollment");
        var employee = await _world.LearnerAsync();
        var (clientId, secret) = await _world.Admin.CreateApiClientAsync(_world.OrganizationId, "enrolments:write");
        var system = await _factory.AsApiClientAsync(clientId, secret);

        var report = await (await system.PostAsync($"/api/v1/cohorts/{cohortId}/enrolments/bulk", Csv($"email\n{employee.Email}\t\u00a0\n"))).ReadJsonAsync();
        Outcomes(report).Should().Equal((2, "Enrolled"));
    }

    [Test]
    public async Task Bad_files_get_clear_answers()
    {
        var cohortId = await _world.CohortAsync(capacity: 5, mode: "OrganizationEnrollment");
        var url = $"/api/v1/cohorts/{cohortId}/enrolments/bulk";

        var noColumn = await (await _world.Trainer.PostAsync(url, Csv("nom,prénom\nLéa,Martin\n"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        noColumn["errors"]!["body"]![0]!.GetValue<string>().Should().Contain("email");
        await (await _world.Trainer.PostAsync(url, Csv("email\n"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await _world.Trainer.PostAsync(url, Csv("email\n" + string.Concat(Enumerable.Range(0, 201).Select(i => $"p{i}@example.test\n")))))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await _world.Trainer.PostAsync(url, TestApi.Json("{\"emails\": [1, 2"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        await (await _world.Trainer.PostAsync(url, new StringContent("email\na@b.c", Encoding.UTF8, "text/plain"))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await (await _world.Trainer.PostAsync(url, Csv("email\n" + new string('a', 300_000)))).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");

        await (await _world.Trainer.PostAsync(url, Csv(";email;\na;b@c.d;x\n"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed"); // two unnamed columns
        await (await _world.Trainer.PostAsync(url, TestApi.Json("{}"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await _world.Trainer.PostAsync(url, new ByteArrayContent("email\na@b.c"u8.ToArray()))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        var nulls = await (await _world.Trainer.PostAsync(url + "?dryRun=true", TestApi.Json("{\"emails\": [null]}"))).ReadJsonAsync();
        Outcomes(nulls).Should().Equal((1, "Invalid"));

        var applications = await _world.CohortAsync();
        await (await _world.Trainer.PostAsync($"/api/v1/cohorts/{applications}/enrolments/bulk?dryRun=true", Csv("email\na@b.c\n"))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "admission-mode-mismatch");
    }
}
