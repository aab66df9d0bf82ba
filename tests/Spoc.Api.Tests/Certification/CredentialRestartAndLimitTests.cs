using System.Net;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Certification;

// Slow: hosts of their own.
[Category("Slow")]
public sealed class CredentialRestartAndLimitTests
{
    [Test]
    public async Task After_a_restart_the_stored_key_still_signs_and_its_credentials_still_verify()
    {
        string dataDirectory;
        Guid organizationId;
        string before;
        using (var first = new SpocApiFactory())
        {
            dataDirectory = first.DataDirectory;
            organizationId = await (await first.AdminClientAsync()).CreateOrganizationAsync();
            var (holder, holderId, _) = await first.NewUserAsync("holder");
            before = await (await holder.GetAsync($"/api/v1/certificates/{(await first.CertificateAsync(holderId, organizationId)).Id}/credential")).Content.ReadAsStringAsync();
        }

        // The key ring lives in the data directory, beside the database, not in a per-machine default.
        Directory.GetFiles(Path.Combine(dataDirectory, "keys", "data-protection"), "key-*.xml").Should().NotBeEmpty();

        using var second = new SpocApiFactory(dataDirectory: dataDirectory);
        var (client, userId, _) = await second.NewUserAsync("holder");
        var response = await client.GetAsync($"/api/v1/certificates/{(await second.CertificateAsync(userId, organizationId)).Id}/credential");
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the private key stored before the restart is still readable");
        var after = await response.Content.ReadAsStringAsync();

        CertificateRows.Header(after)["kid"].Should().Be(CertificateRows.Header(before)["kid"]);
        var anonymous = second.CreateClient();
        await CertificateRows.VerifiedClaimsAsync(anonymous, before);
        await CertificateRows.VerifiedClaimsAsync(anonymous, after);
    }

    [Test]
    public async Task Verification_is_limited_per_address_with_retry_after()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["RateLimiting:VerifyPermitsPerIp"] = "3" });
        var anonymous = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await anonymous.GetAsync($"/api/v1/verify/{CertificateRows.Code(26)}")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var blocked = await anonymous.GetAsync($"/api/v1/verify/{CertificateRows.Code(26)}");
        await blocked.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        int.Parse(blocked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BePositive();
    }
}
