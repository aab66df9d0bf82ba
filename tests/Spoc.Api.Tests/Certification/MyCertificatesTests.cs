using System.Net;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Certification;

/// <summary>GET /me/certificates: the caller's own certificates, newest first, paged, in a constant number of statements.</summary>
public sealed class MyCertificatesTests
{
    private SpocApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new SpocApiFactory();

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private static async Task<JsonObject> PageAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/v1/me/certificates" + query);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    [Test]
    public async Task A_holder_lists_their_certificates_newest_first_with_their_links_and_never_another_s()
    {
        var people = await _factory.PeopleAsync(2, "holder");
        var (me, other) = (people[0], people[1]);
        var cohortId = Guid.NewGuid();
        var older = await _factory.IssueAsync(cohortId, me.Id, "Éloïse Dupré", new DateTimeOffset(2027, 1, 10, 8, 0, 0, TimeSpan.Zero));
        var newer = await _factory.IssueAsync(Guid.NewGuid(), me.Id, "Éloïse Dupré", new DateTimeOffset(2027, 7, 12, 9, 30, 0, TimeSpan.Zero));
        await _factory.IssueAsync(cohortId, other.Id, "Quelqu'un d'autre");
        await _factory.RevokeAsync(older.Id, new DateTimeOffset(2027, 2, 3, 23, 30, 0, TimeSpan.Zero));

        var page = await PageAsync(me.Client);

        page["totalCount"]!.GetValue<int>().Should().Be(2);
        var items = page["items"]!.AsArray();
        items.Select(i => i!["id"]!.GetValue<Guid>()).Should().Equal(newer.Id, older.Id);
        var first = items[0]!;
        first["verificationCode"]!.GetValue<string>().Should().Be(newer.VerificationCode);
        first["shortCode"]!.GetValue<string>().Should().Be(HeldCertificates.Grouped(newer.ShortCode));
        first["status"]!.GetValue<string>().Should().Be("Valid");
        first["issuedOn"]!.GetValue<string>().Should().Be("2027-07-12");
        first["revokedOn"].Should().BeNull();
        first["courseTitle"]!.GetValue<string>().Should().Be(HeldCertificates.CourseTitle);
        first["cohortTitle"]!.GetValue<string>().Should().Be("Cohorte évaluée");
        first["organizationNames"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("Institut Lumière", "Acme Formation");
        first["verifyUrl"]!.GetValue<string>().Should().EndWith($"/verify/{newer.VerificationCode}").And.StartWith("http");
        first["pdfUrl"]!.GetValue<string>().Should().Be($"/api/v1/certificates/{newer.Id}/pdf");
        first["credentialUrl"]!.GetValue<string>().Should().Be($"/api/v1/certificates/{newer.Id}/credential");
        items[1]!["status"]!.GetValue<string>().Should().Be("Revoked");
        items[1]!["revokedOn"]!.GetValue<string>().Should().Be("2027-02-03");

        (await me.Client.GetAsync(first["pdfUrl"]!.GetValue<string>())).Content.Headers.ContentType!.MediaType.Should().Be("application/pdf", "the link leads to the file");
        (await PageAsync(other.Client))["items"]!.AsArray().Should().ContainSingle().Which!["id"]!.GetValue<Guid>().Should().NotBe(newer.Id);
        (await PageAsync((await _factory.NewUserAsync("nobody")).Client))["totalCount"]!.GetValue<int>().Should().Be(0);
    }

    [Test]
    public async Task Pages_are_20_by_default_at_most_100_and_signed_out_is_401()
    {
        var (client, id, _) = await _factory.NewUserAsync("collector");
        for (var i = 0; i < 23; i++)
        {
            await _factory.IssueAsync(Guid.NewGuid(), id, "Collectionneur", new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i));
        }

        var firstPage = await PageAsync(client);
        firstPage["items"]!.AsArray().Should().HaveCount(20);
        firstPage["totalCount"]!.GetValue<int>().Should().Be(23);
        (await PageAsync(client, "?page=2&pageSize=20"))["items"]!.AsArray().Should().HaveCount(3);
        (await PageAsync(client, "?page=2&pageSize=20"))["items"]![2]!["issuedOn"]!.GetValue<string>().Should().Be("2027-01-01", "the oldest comes last");
        await (await client.GetAsync("/api/v1/me/certificates?pageSize=101")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        (await _factory.CreateClient().GetAsync("/api/v1/me/certificates")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task The_statements_do_not_grow_with_the_number_of_certificates()
    {
        async Task<int> StatementsForAsync(int certificates)
        {
            var (client, id, _) = await _factory.NewUserAsync("counted");
            for (var i = 0; i < certificates; i++)
            {
                await _factory.IssueAsync(Guid.NewGuid(), id, "Compté");
            }

            _factory.Queries.Reset();
            (await PageAsync(client, "?pageSize=100"))["items"]!.AsArray().Should().HaveCount(certificates);
            return _factory.Queries.Count;
        }

        (await StatementsForAsync(40)).Should().Be(await StatementsForAsync(1));
    }
}
