using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Cohorts;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Platform.Contracts;

namespace Spoc.Api.Tests.Certification;

/// <summary>
/// The Open Badges 3.0 credential (docs/adr/0031), checked as an outside verifier would: jose-jwt, not the code that signs,
/// against the keys of /.well-known/jwks.json; revocation through the status list; key rotation; who may download it.
/// </summary>
public sealed class CredentialTests
{
    private SpocApiFactory _factory = null!;
    private CohortWorld _world = null!;
    private HttpClient _anonymous = null!;
    private readonly Dictionary<string, HttpClient> _as = [];
    private Guid _cohortId;
    private Guid _holderId;
    private Guid _inCohortId;

    [OneTimeSetUp]
    public async Task SeedTheWorld()
    {
        _factory = new SpocApiFactory();
        _anonymous = _factory.CreateClient();
        _world = await CohortWorld.CreateAsync(_factory);
        _cohortId = await _world.CohortAsync(capacity: 5);
        var (holder, holderId, _) = await _world.LearnerAsync();
        var (otherLearner, _, _) = await _world.LearnerAsync();
        foreach (var learner in new[] { holder, otherLearner })
        {
            (await _world.DecideAsync(_cohortId, await CohortWorld.ApplyAsync(learner, _cohortId), "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var (mentor, mentorId, mentorEmail) = (await _factory.PeopleAsync(1, "mentor", _world.OrganizationId, OrganizationRole.Mentor)).Single();
        (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{_cohortId}/members", new { email = mentorEmail, role = "Mentor" })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await _world.Trainer.PutAsJsonAsync($"/api/v1/cohorts/{_cohortId}/members/{holderId}/mentor", new { mentorId })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var (otherMentor, otherMentorId, otherMentorEmail) = (await _factory.PeopleAsync(1, "mentor", _world.OrganizationId, OrganizationRole.Mentor)).Single();
        (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{_cohortId}/members", new { email = otherMentorEmail, role = "Mentor" })).StatusCode.Should().Be(HttpStatusCode.Created);

        _holderId = holderId;
        _as["holder"] = holder;
        _as["trainer"] = _world.Trainer;
        _as["platform admin"] = _world.Admin;
        _as["org admin"] = (await _factory.PeopleAsync(1, "org-admin", _world.OrganizationId, OrganizationRole.OrgAdmin)).Single().Client;
        _as["own mentor"] = mentor;
        _as["other mentor"] = otherMentor;
        _as["other learner"] = otherLearner;
        _as["outsider"] = (await _factory.NewUserAsync("outsider")).Client;
        // The one valid certificate the holder may have in this cohort; the other tests' certificates name cohorts of their own.
        _inCohortId = (await _factory.CertificateAsync(_holderId, _world.OrganizationId, _cohortId)).Id;
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _anonymous.Dispose();
        _factory.Dispose();
    }

    private async Task<string> CredentialAsync(Guid certificateId, HttpClient? as_ = null)
    {
        var response = await (as_ ?? _as["holder"]).GetAsync($"/api/v1/certificates/{certificateId}/credential");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vc+jwt");
        return await response.Content.ReadAsStringAsync();
    }

    [Test]
    public async Task The_credential_is_an_open_badge_that_an_independent_library_verifies_against_the_published_keys()
    {
        var certificate = await _factory.CertificateAsync(_holderId, _world.OrganizationId);
        var response = await _as["holder"].GetAsync($"/api/v1/certificates/{certificate.Id}/credential");
        response.Content.Headers.ContentDisposition!.FileName.Should().Contain(certificate.ShortCode).And.EndWith(".jwt");
        var jwt = await response.Content.ReadAsStringAsync();

        var header = CertificateRows.Header(jwt);
        header["alg"].Should().Be("ES256");
        header["typ"].Should().Be("vc+jwt");
        header["cty"].Should().Be("vc");
        // Open Badges 3.0 verifiers read the key from the header: the public members of the published key, nothing private.
        var headerJwk = JsonNode.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[0]))!["jwk"]!.AsObject();
        headerJwk.Select(m => m.Key).Should().BeEquivalentTo("kty", "crv", "x", "y");
        var published = (await (await _anonymous.GetAsync("/.well-known/jwks.json")).ReadJsonAsync())["keys"]!.AsArray()
            .Single(k => k!["kid"]!.GetValue<string>() == (string)header["kid"])!;
        (headerJwk["x"]!.GetValue<string>(), headerJwk["y"]!.GetValue<string>()).Should().Be((published["x"]!.GetValue<string>(), published["y"]!.GetValue<string>()));
        var claims = await CertificateRows.VerifiedClaimsAsync(_anonymous, jwt);

        claims["@context"]!.AsArray().Select(c => c!.GetValue<string>()).Should().Equal("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        claims["type"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("VerifiableCredential", "OpenBadgeCredential");
        claims["id"]!.GetValue<string>().Should().Be($"urn:uuid:{certificate.Id}");
        claims["validFrom"]!.GetValue<string>().Should().Be("2027-07-01T09:30:00Z");
        claims["nbf"]!.GetValue<long>().Should().Be(certificate.IssuedAt.ToUnixTimeSeconds());
        var issuer = claims["issuer"]!.AsObject();
        issuer["type"]!.AsArray().Single()!.GetValue<string>().Should().Be("Profile");
        issuer["name"]!.GetValue<string>().Should().Be("Académie Spoc");
        claims["iss"]!.GetValue<string>().Should().Be(issuer["id"]!.GetValue<string>());

        var subject = claims["credentialSubject"]!.AsObject();
        subject["type"]!.AsArray().Single()!.GetValue<string>().Should().Be("AchievementSubject");
        var identity = subject["identifier"]!.AsArray().Single()!.AsObject();
        (identity["identityType"]!.GetValue<string>(), identity["identityHash"]!.GetValue<string>(), identity["hashed"]!.GetValue<bool>()).Should().Be(("name", "Zoé Nguyễn", false));
        var achievement = subject["achievement"]!.AsObject();
        achievement["type"]!.AsArray().Single()!.GetValue<string>().Should().Be("Achievement");
        achievement["name"]!.GetValue<string>().Should().Be("Management de projet");
        achievement["description"]!.GetValue<string>().Should().Contain("Printemps 2027");
        achievement["criteria"]!["narrative"]!.GetValue<string>().Should().Contain("Printemps 2027").And.Contain("Management de projet");
        achievement["alignment"]!.AsArray().Select(a => (a!["targetCode"]!.GetValue<string>(), a["targetName"]!.GetValue<string>(), a["type"]![0]!.GetValue<string>()))
            .Should().Equal(("C1", "Planifier", "Alignment"), ("C2", "Piloter", "Alignment"));
        achievement["alignment"]![0]!["targetUrl"]!.GetValue<string>().Should().EndWith($"/verify/{certificate.VerificationCode}");

        var status = claims["credentialStatus"]!.AsObject();
        status["type"]!.GetValue<string>().Should().Be("BitstringStatusListEntry");
        status["statusPurpose"]!.GetValue<string>().Should().Be("revocation");
        int.Parse(status["statusListIndex"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(0, 131_071);
        new Uri(status["statusListCredential"]!.GetValue<string>()).AbsolutePath.Should().Be($"/api/v1/credentials/status/{_world.OrganizationId}");

        // The issuer's id resolves to its Profile.
        var profile = JsonNode.Parse(await _anonymous.GetStringAsync(new Uri(issuer["id"]!.GetValue<string>()).AbsolutePath))!.AsObject();
        profile["id"]!.GetValue<string>().Should().Be(issuer["id"]!.GetValue<string>());
        profile["type"]![0]!.GetValue<string>().Should().Be("Profile");
        profile["name"]!.GetValue<string>().Should().StartWith("Organisation ");

        // Made once: the same bytes on every download.
        (await CredentialAsync(certificate.Id)).Should().Be(jwt);
    }

    [Test]
    public async Task The_key_set_is_public_and_cached_briefly_and_holds_no_private_part()
    {
        await CredentialAsync((await _factory.CertificateAsync(_holderId, _world.OrganizationId)).Id);
        var response = await _anonymous.GetAsync("/.well-known/jwks.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.Public.Should().BeTrue();
        response.Headers.CacheControl.MaxAge.Should().BeGreaterThan(TimeSpan.Zero);
        var keys = (await response.ReadJsonAsync())["keys"]!.AsArray();
        keys.Should().NotBeEmpty();
        keys.Should().AllSatisfy(k =>
        {
            (k!["kty"]!.GetValue<string>(), k["crv"]!.GetValue<string>(), k["alg"]!.GetValue<string>()).Should().Be(("EC", "P-256", "ES256"));
            k.AsObject().ContainsKey("d").Should().BeFalse("the private key is never published");
        });
    }

    [Test]
    public async Task A_forged_or_altered_credential_does_not_verify()
    {
        var jwt = await CredentialAsync((await _factory.CertificateAsync(_holderId, _world.OrganizationId)).Id);
        var parts = jwt.Split('.');

        // Altered: the holder's name changed in the payload, the signature kept.
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("Zoé Nguyễn", "Eve Martin", StringComparison.Ordinal);
        var altered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
        await FluentActions.Awaiting(() => CertificateRows.VerifiedClaimsAsync(_anonymous, altered)).Should().ThrowAsync<Jose.IntegrityException>();

        // Forged: the same claims and header, signed by a key that is not the organisation's.
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var headers = CertificateRows.Header(jwt).Where(h => h.Key != "alg").ToDictionary(h => h.Key, h => h.Value);
        var forged = Jose.JWT.Encode(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])), forger, Jose.JwsAlgorithm.ES256, extraHeaders: headers);
        await FluentActions.Awaiting(() => CertificateRows.VerifiedClaimsAsync(_anonymous, forged)).Should().ThrowAsync<Jose.IntegrityException>();

        (await CertificateRows.VerifiedClaimsAsync(_anonymous, jwt))["credentialSubject"]!["identifier"]![0]!["identityHash"]!.GetValue<string>().Should().Be("Zoé Nguyễn");
    }

    [Test]
    public async Task Revocation_sets_the_credentials_bit_in_the_signed_status_list()
    {
        var revoked = await _factory.CertificateAsync(_holderId, _world.OrganizationId);
        var kept = await _factory.CertificateAsync(_holderId, _world.OrganizationId);
        var revokedIndex = await IndexOfAsync(await CredentialAsync(revoked.Id));
        var keptIndex = await IndexOfAsync(await CredentialAsync(kept.Id));

        async Task<string> EncodedListAsync()
        {
            var response = await _anonymous.GetAsync($"/api/v1/credentials/status/{_world.OrganizationId}");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/vc+jwt");
            response.Headers.CacheControl!.MaxAge.Should().BeLessThanOrEqualTo(TimeSpan.FromMinutes(5));
            var list = await CertificateRows.VerifiedClaimsAsync(_anonymous, await response.Content.ReadAsStringAsync());
            list["type"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("VerifiableCredential", "BitstringStatusListCredential");
            list["credentialSubject"]!["statusPurpose"]!.GetValue<string>().Should().Be("revocation");
            return list["credentialSubject"]!["encodedList"]!.GetValue<string>();
        }

        CertificateRows.StatusBit(await EncodedListAsync(), revokedIndex).Should().BeFalse();
        await _factory.RevokeAsync(revoked.Id);
        var after = await EncodedListAsync();
        CertificateRows.StatusBit(after, revokedIndex).Should().BeTrue();
        CertificateRows.StatusBit(after, keptIndex).Should().BeFalse();

        await (await _anonymous.GetAsync($"/api/v1/credentials/status/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task A_certificate_revoked_before_its_credential_was_made_gets_none_and_a_non_issuer_has_no_public_list_or_profile()
    {
        var revoked = await _factory.CertificateAsync(_holderId, _world.OrganizationId);
        await _factory.RevokeAsync(revoked.Id);
        await (await _as["holder"].GetAsync($"/api/v1/certificates/{revoked.Id}/credential")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "certificate-revoked");

        // An organisation that exists but never signed anything: neither its name nor a key comes out of an anonymous call.
        var (organizationId, _) = await _world.PartnerAsync();
        await (await _anonymous.GetAsync($"/api/v1/credentials/status/{organizationId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _anonymous.GetAsync($"/api/v1/credentials/issuers/{organizationId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await using var scope = _factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<CertificationDbContext>().SigningKeys.AnyAsync(k => k.OrganizationId == organizationId)).Should().BeFalse();
    }

    private async Task<int> IndexOfAsync(string jwt) =>
        int.Parse((await CertificateRows.VerifiedClaimsAsync(_anonymous, jwt))["credentialStatus"]!["statusListIndex"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public async Task After_a_rotation_new_credentials_carry_the_new_key_and_old_ones_still_verify()
    {
        var (organizationId, orgAdmin) = await _world.PartnerAsync();
        var before = await CredentialAsync((await _factory.CertificateAsync(_holderId, organizationId)).Id);
        var oldKid = (string)CertificateRows.Header(before)["kid"];

        var rotated = await orgAdmin.PostAsync($"/api/v1/organizations/{organizationId}/certification/keys/rotate", null);
        rotated.StatusCode.Should().Be(HttpStatusCode.OK, await rotated.Content.ReadAsStringAsync());
        var newKid = (await rotated.ReadJsonAsync())["keyId"]!.GetValue<string>();
        newKid.Should().NotBe(oldKid);

        var certificate = await _factory.CertificateAsync(_holderId, organizationId);
        var after = await CredentialAsync(certificate.Id);
        CertificateRows.Header(after)["kid"].Should().Be(newKid);
        await CertificateRows.VerifiedClaimsAsync(_anonymous, after);
        await CertificateRows.VerifiedClaimsAsync(_anonymous, before);
        CertificateRows.Header(await CredentialAsync(certificate.Id))["kid"].Should().Be(newKid, "a credential is never re-signed");
    }

    [Test]
    public async Task A_key_older_than_its_lifetime_is_replaced_on_next_need()
    {
        var (organizationId, _) = await _world.PartnerAsync();
        var before = await CredentialAsync((await _factory.CertificateAsync(_holderId, organizationId)).Id);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CertificationDbContext>();
            await db.SigningKeys.Where(k => k.OrganizationId == organizationId).ExecuteUpdateAsync(s => s.SetProperty(k => k.CreatedAt, DateTimeOffset.UtcNow.AddDays(-366)));
        }

        var after = await CredentialAsync((await _factory.CertificateAsync(_holderId, organizationId)).Id);
        CertificateRows.Header(after)["kid"].Should().NotBe(CertificateRows.Header(before)["kid"]);
        await CertificateRows.VerifiedClaimsAsync(_anonymous, before);
        await CertificateRows.VerifiedClaimsAsync(_anonymous, after);
    }

    [TestCase("holder", HttpStatusCode.OK)]
    [TestCase("trainer", HttpStatusCode.OK)]
    [TestCase("platform admin", HttpStatusCode.OK)]
    [TestCase("org admin", HttpStatusCode.OK)]
    [TestCase("own mentor", HttpStatusCode.OK)]
    [TestCase("other mentor", HttpStatusCode.NotFound)]
    [TestCase("other learner", HttpStatusCode.NotFound)]
    [TestCase("outsider", HttpStatusCode.NotFound)]
    public async Task Who_downloads_the_credential(string person, HttpStatusCode expected)
    {
        var response = await _as[person].GetAsync($"/api/v1/certificates/{_inCohortId}/credential");
        if (expected == HttpStatusCode.NotFound)
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        }
        else
        {
            response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync());
        }
    }

    [Test]
    public async Task Only_the_organisations_admins_rotate_its_key()
    {
        var rotate = $"/api/v1/organizations/{_world.OrganizationId}/certification/keys/rotate";
        (await _anonymous.PostAsync(rotate, null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _anonymous.GetAsync($"/api/v1/certificates/{Guid.NewGuid()}/credential")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await (await _as["trainer"].PostAsync(rotate, null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _as["own mentor"].PostAsync(rotate, null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _as["holder"].PostAsync(rotate, null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _as["outsider"].PostAsync(rotate, null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        (await _as["org admin"].PostAsync(rotate, null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _as["platform admin"].PostAsync(rotate, null)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
