using System.Net;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Certification;

/// <summary>The public GET /verify/{code}: what a stranger who scans the QR code or types the printed code sees (docs/adr/0031).</summary>
public sealed class VerificationTests
{
    private static readonly string[] Fields = ["status", "holderName", "courseTitle", "cohortTitle", "organizationNames", "issuedOn", "revokedOn", "competencies"];

    private SpocApiFactory _factory = null!;
    private HttpClient _anonymous = null!;
    private Guid _organizationId;
    private Guid _holderId;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _anonymous = _factory.CreateClient();
        _organizationId = await (await _factory.AdminClientAsync()).CreateOrganizationAsync();
        _holderId = (await _factory.NewUserAsync("holder")).UserId;
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _anonymous.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task A_valid_certificate_shows_what_it_attests_and_nothing_more()
    {
        var certificate = await _factory.CertificateAsync(_holderId, _organizationId);
        var response = await _anonymous.GetAsync($"/api/v1/verify/{certificate.VerificationCode}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var body = await response.ReadJsonAsync();

        body.Select(p => p.Key).Should().BeEquivalentTo(Fields, "no email, account id or reason");
        body["status"]!.GetValue<string>().Should().Be("Valid");
        body["holderName"]!.GetValue<string>().Should().Be("Zoé Nguyễn");
        body["courseTitle"]!.GetValue<string>().Should().Be("Management de projet");
        body["cohortTitle"]!.GetValue<string>().Should().Be("Printemps 2027");
        body["organizationNames"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("Académie Spoc", "Partenaire SA");
        body["issuedOn"]!.GetValue<string>().Should().Be("2027-07-01");
        body["revokedOn"].Should().BeNull();
        body["competencies"]!.AsArray().Select(c => c!["code"]!.GetValue<string>() + " " + c["title"]!.GetValue<string>()).Should().Equal("C1 Planifier", "C2 Piloter");
    }

    [Test]
    public async Task The_short_code_is_read_as_people_type_it()
    {
        // A 1 and a 0 in the code, typed as l and o, in lower case, with hyphens and spaces.
        var shortCode = "10" + CertificateRows.Code(10);
        var certificate = await _factory.CertificateAsync(_holderId, _organizationId, shortCode: shortCode);
        var typed = "lo" + shortCode[2..6].ToLowerInvariant() + "- " + shortCode[6..];

        var body = await (await _anonymous.GetAsync($"/api/v1/verify/{Uri.EscapeDataString(typed)}")).ReadJsonAsync();
        body["status"]!.GetValue<string>().Should().Be("Valid");
        body["holderName"]!.GetValue<string>().Should().Be(certificate.HolderName);
        (await (await _anonymous.GetAsync($"/api/v1/verify/{certificate.VerificationCode.ToLowerInvariant()}")).ReadJsonAsync())["status"]!.GetValue<string>().Should().Be("Valid");
    }

    [Test]
    public async Task Revocation_shows_with_its_date_but_not_its_reason()
    {
        var certificate = await _factory.CertificateAsync(_holderId, _organizationId);
        await _factory.RevokeAsync(certificate.Id);

        var response = await _anonymous.GetAsync($"/api/v1/verify/{certificate.ShortCode}");
        var raw = await response.Content.ReadAsStringAsync();
        raw.Should().NotContain("Fraude");
        var body = await response.ReadJsonAsync();
        body["status"]!.GetValue<string>().Should().Be("Revoked");
        body["revokedOn"]!.GetValue<string>().Should().Be("2027-09-15");
        body["holderName"]!.GetValue<string>().Should().Be("Zoé Nguyễn");
    }

    [TestCase("unknown")]
    [TestCase("malformed")]
    public async Task An_unknown_or_malformed_code_answers_the_same_shape_after_the_same_single_query(string kind)
    {
        var known = await _factory.CertificateAsync(_holderId, _organizationId);
        _factory.Queries.Reset();
        (await _anonymous.GetAsync($"/api/v1/verify/{known.VerificationCode}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var knownQueries = _factory.Queries.Count;

        var code = kind == "unknown" ? CertificateRows.Code(26) : "pas-un-code!";
        _factory.Queries.Reset();
        var response = await _anonymous.GetAsync($"/api/v1/verify/{Uri.EscapeDataString(code)}");
        _factory.Queries.Count.Should().Be(knownQueries).And.Be(1);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        body.Select(p => p.Key).Should().BeEquivalentTo(Fields);
        body["status"]!.GetValue<string>().Should().Be("Unknown");
        body.Where(p => p.Key != "status").Should().AllSatisfy(p => p.Value.Should().BeNull());
    }

    [Test]
    public async Task A_value_longer_than_any_typing_of_a_code_is_refused()
    {
        await (await _anonymous.GetAsync($"/api/v1/verify/{new string('A', 65)}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }
}
