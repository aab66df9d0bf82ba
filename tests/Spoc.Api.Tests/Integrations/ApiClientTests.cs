using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using AwesomeAssertions;
using Microsoft.Extensions.Time.Testing;
using Spoc.Api.Tests.Cohorts;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Platform.Contracts;

namespace Spoc.Api.Tests.Integrations;

/// <summary>
/// API clients (ADR 0044) through HTTP: an org admin registers one and sees its secret once; the system gets tokens with
/// OAuth's client-credentials grant, acts for its organisation only and within its scopes; rotation, revocation, limits.
/// </summary>
public sealed class ApiClientTests
{
    private SpocApiFactory _factory = null!;
    private CohortWorld _world = null!;
    private HttpClient _orgAdmin = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory(new Dictionary<string, string?> { ["Auth:ClientRevocationCheck"] = "00:00:01" });
        _world = await CohortWorld.CreateAsync(_factory);
        _orgAdmin = (await _factory.PeopleAsync(1, "org-admin", _world.OrganizationId, OrganizationRole.OrgAdmin)).Single().Client;
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task The_secret_is_shown_once_is_256_random_bits_and_is_stored_nowhere()
    {
        var created = await _orgAdmin.PostAsJsonAsync($"/api/v1/organizations/{_world.OrganizationId}/api-clients", new { name = "SIRH Acme", scopes = new[] { "cohorts:read" } });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await created.ReadJsonAsync();
        var (clientId, secret) = (body["clientId"]!.GetValue<Guid>(), body["clientSecret"]!.GetValue<string>());
        created.Headers.Location!.ToString().Should().Be($"/api/v1/organizations/{_world.OrganizationId}/api-clients/{clientId}");
        secret.Should().StartWith("spoc_cs_");
        Convert.FromBase64String(secret["spoc_cs_".Length..].Replace('-', '+').Replace('_', '/') + "=").Should().HaveCount(32);
        var (_, other) = await _orgAdmin.CreateApiClientAsync(_world.OrganizationId, "cohorts:read");
        other.Should().NotBe(secret);

        var read = await _orgAdmin.GetStringAsync($"/api/v1/organizations/{_world.OrganizationId}/api-clients/{clientId}");
        var list = await _orgAdmin.GetStringAsync($"/api/v1/organizations/{_world.OrganizationId}/api-clients?pageSize=100");
        read.Should().NotContain(secret["spoc_cs_".Length..]).And.Contain($"\"hint\":\"{secret[^4..]}\"");
        list.Should().NotContain(secret["spoc_cs_".Length..]).And.Contain(clientId.ToString());

        // Nothing on disk holds the secret or any part of it past its hint: the database, its journal, the keys.
        var needle = Encoding.UTF8.GetBytes(secret[^20..^4]);
        foreach (var file in Directory.EnumerateFiles(_factory.DataDirectory, "*", SearchOption.AllDirectories))
        {
            (await File.ReadAllBytesAsync(file)).AsSpan().IndexOf(needle).Should().Be(-1, $"{file} must not hold the secret");
        }
    }

    [Test]
    public async Task Both_ways_of_sending_the_credentials_give_a_short_lived_token_that_reads_the_organisations_cohort()
    {
        var cohortId = await _world.CohortAsync();
        var (clientId, secret) = await _orgAdmin.CreateApiClientAsync(_world.OrganizationId, "cohorts:read", "grades:read");
        var http = _factory.CreateClient();

        foreach (var basic in new[] { false, true })
        {
            var response = await http.RequestClientTokenAsync(clientId, secret, basic: basic);
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            response.Headers.CacheControl!.NoStore.Should().BeTrue();
            var token = await response.ReadJsonAsync();
            token["token_type"]!.GetValue<string>().Should().Be("Bearer");
            token["expires_in"]!.GetValue<int>().Should().Be(600);
            token["scope"]!.GetValue<string>().Should().Be("cohorts:read grades:read");
            token.ContainsKey("refresh_token").Should().BeFalse("the client-credentials grant has no refresh token (RFC 6749 §4.4.3)");
        }

        var system = await _factory.AsApiClientAsync(clientId, secret);
        (await system.GetAsync($"/api/v1/cohorts/{cohortId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await system.GetAsync($"/api/v1/cohorts/{cohortId}/members")).StatusCode.Should().Be(HttpStatusCode.OK);
        var listed = await (await system.GetAsync("/api/v1/cohorts?mine=true")).ReadJsonAsync();
        listed["items"]!.AsArray().Select(c => c!["id"]!.GetValue<Guid>()).Should().Contain(cohortId);

        var client = await (await _orgAdmin.GetAsync($"/api/v1/organizations/{_world.OrganizationId}/api-clients/{clientId}")).ReadJsonAsync();
        client["lastUsedAt"].Should().NotBeNull("getting a token marks the client used");
    }

    [Test]
    public async Task A_token_acts_within_its_scopes_only_and_a_narrower_scope_makes_a_narrower_token()
    {
        var cohortId = await _world.CohortAsync();
        var (clientId, secret) = await _orgAdmin.CreateApiClientAsync(_world.OrganizationId, "cohorts:read", "grades:read");

        var narrow = await _factory.AsApiClientAsync(clientId, secret, scope: "grades:read");
        var refused = await narrow.GetAsync($"/api/v1/cohorts/{cohortId}");
        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "insufficient-scope");
        refused.Headers.WwwAuthenticate.ToString().Should().Be("Bearer error=\"insufficient_scope\", scope=\"cohorts:read\"");

        var full = await _factory.AsApiClientAsync(clientId, secret);
        await (await full.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "insufficient-scope");
        await (await full.PostAsJsonAsync("/api/v1/cohorts", CohortWorld.CohortBody(_world.CourseId))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "insufficient-scope");
        await (await full.GetAsync($"/api/v1/organizations/{_world.OrganizationId}/api-clients")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "insufficient-scope");

        await (await _factory.CreateClient().RequestClientTokenAsync(clientId, secret, scope: "cohorts:read members:read"))
            .ShouldBeOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_scope");
    }

    [Test]
    public async Task A_client_never_reaches_another_organisations_data()
    {
        var cohortId = await _world.CohortAsync();
        var (elsewhere, elsewhereAdmin) = await _world.PartnerAsync();
        var (clientId, secret) = await elsewhereAdmin.CreateApiClientAsync(elsewhere);
        var stranger = await _factory.AsApiClientAsync(clientId, secret);

        await (await stranger.GetAsync($"/api/v1/cohorts/{cohortId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await stranger.GetAsync($"/api/v1/cohorts/{cohortId}/members")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        var listed = await (await stranger.GetAsync("/api/v1/cohorts?mine=true")).ReadJsonAsync();
        listed["items"]!.AsArray().Should().BeEmpty();
    }

    [Test]
    public async Task Wrong_credentials_and_malformed_requests_get_OAuth_errors_never_a_500()
    {
        var (clientId, secret) = await _orgAdmin.CreateApiClientAsync(_world.OrganizationId, "cohorts:read");
        var http = _factory.CreateClient();

        foreach (var (id, wrong) in new[] { (clientId, secret + "x"), (clientId, "spoc_cs_" + new string('A', 43)), (Guid.NewGuid(), secret) })
        {
            var response = await http.RequestClientTokenAsync(id, wrong);
            await response.ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
            response.Headers.WwwAuthenticate.ToString().Should().Be("Basic realm=\"spoc\"");
        }

        async Task<HttpResponseMessage> Post(Dictionary<string, string> form, string? basic = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = new FormUrlEncodedContent(form) };
            if (basic is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
            }

            return await http.SendAsync(request);
        }

        await (await Post(new() { ["grant_type"] = "password", ["username"] = "a@b.c", ["password"] = "x" })).ShouldBeOAuthErrorAsync(HttpStatusCode.BadRequest, "unsupported_grant_type");
        await (await Post(new() { ["client_id"] = clientId.ToString(), ["client_secret"] = secret })).ShouldBeOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request");
        var both = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}"));
        await (await Post(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId.ToString(), ["client_secret"] = secret }, both))
            .ShouldBeOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request");
        await (await Post(new() { ["grant_type"] = "client_credentials" }, "not base64!")).ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        await (await Post(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId.ToString(), ["client_secret"] = new string('s', 300) }))
            .ShouldBeOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request");

        // The same route still signs people in with JSON; no body, or another type, gets the sign-in's answer, not an ambiguous match.
        (await http.PostAsJsonAsync("/api/v1/auth/token", new { email = SpocApiFactory.AdminEmail, password = SpocApiFactory.AdminPassword })).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await http.PostAsync("/api/v1/auth/token", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        await (await http.PostAsync("/api/v1/auth/token", new StringContent("grant_type=client_credentials", Encoding.UTF8, "text/plain")))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Test]
    public async Task A_rotation_keeps_the_previous_secret_for_its_overlap_and_zero_ends_it_at_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new SpocApiFactory { Clock = clock };
        var admin = await factory.AdminClientAsync();
        var organizationId = await admin.CreateOrganizationAsync();
        var (clientId, first) = await admin.CreateApiClientAsync(organizationId, "cohorts:read");
        var http = factory.CreateClient();

        var rotated = await admin.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/api-clients/{clientId}/rotate", new { overlapHours = 24 });
        rotated.StatusCode.Should().Be(HttpStatusCode.OK, await rotated.Content.ReadAsStringAsync());
        var second = (await rotated.ReadJsonAsync())["clientSecret"]!.GetValue<string>();
        (await rotated.Content.ReadAsStringAsync()).Should().Contain("\"expiresAt\":", "the previous secret is listed with the end of its overlap");
        (await http.RequestClientTokenAsync(clientId, first)).StatusCode.Should().Be(HttpStatusCode.OK, "the previous secret works during the overlap");
        (await http.RequestClientTokenAsync(clientId, second)).StatusCode.Should().Be(HttpStatusCode.OK);

        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await (await http.RequestClientTokenAsync(clientId, first)).ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        (await http.RequestClientTokenAsync(clientId, second)).StatusCode.Should().Be(HttpStatusCode.OK);

        var third = (await (await admin.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/api-clients/{clientId}/rotate", new { overlapHours = 0 })).ReadJsonAsync())["clientSecret"]!.GetValue<string>();
        await (await http.RequestClientTokenAsync(clientId, second)).ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        (await http.RequestClientTokenAsync(clientId, third)).StatusCode.Should().Be(HttpStatusCode.OK);

        await (await admin.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/api-clients/{clientId}/rotate", new { overlapHours = 169 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Test]
    public async Task Two_rotations_at_once_never_both_build_on_the_same_read()
    {
        var (clientId, _) = await _orgAdmin.CreateApiClientAsync(_world.OrganizationId, "cohorts:read");
        var url = $"/api/v1/organizations/{_world.OrganizationId}/api-clients/{clientId}/rotate";
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _orgAdmin.PostAsJsonAsync(url, new { overlapHours = 0 })));

        answers.Select(a => a.StatusCode).Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict);
        foreach (var conflict in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            await conflict.ShouldBeProblemAsync(HttpStatusCode.Conflict, "concurrency-conflict");
        }

        // With no overlap, the one secret that works is the last rotation's: each rotation that won expired the one before it.
        var client = await (await _orgAdmin.GetAsync($"/api/v1/organizations/{_world.OrganizationId}/api-clients/{clientId}")).ReadJsonAsync();
        client["secrets"]!.AsArray().Should().ContainSingle();
        var winners = answers.Where(a => a.StatusCode == HttpStatusCode.OK).ToList();
        winners.Should().NotBeEmpty();
        var secrets = await Task.WhenAll(winners.Select(async w => (await w.ReadJsonAsync())["clientSecret"]!.GetValue<string>()));
        var http = _factory.CreateClient();
        var working = 0;
        foreach (var secret in secrets)
        {
            working += (await http.RequestClientTokenAsync(clientId, secret)).StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        working.Should().Be(1);
    }

    [Test]
    public async Task Revoking_stops_new_tokens_at_once_and_live_ones_within_the_check_interval()
    {
        var cohortId = await _world.CohortAsync();
        var (clientId, secret) = await _orgAdmin.CreateApiClientAsync(_world.OrganizationId, "cohorts:read");
        var system = await _factory.AsApiClientAsync(clientId, secret);
        (await system.GetAsync($"/api/v1/cohorts/{cohortId}")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await _orgAdmin.PostAsync($"/api/v1/organizations/{_world.OrganizationId}/api-clients/{clientId}/revoke", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _orgAdmin.PostAsync($"/api/v1/organizations/{_world.OrganizationId}/api-clients/{clientId}/revoke", null)).StatusCode.Should().Be(HttpStatusCode.NoContent, "revoking is idempotent");
        await (await _factory.CreateClient().RequestClientTokenAsync(clientId, secret)).ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        await TestApi.EventuallyAsync(async () => (await system.GetAsync($"/api/v1/cohorts/{cohortId}")).StatusCode == HttpStatusCode.Unauthorized,
            "the live token stops once the revocation check runs again (1 s here, 15 s by default)", timeoutMs: 5_000);
        await (await _orgAdmin.PostAsJsonAsync($"/api/v1/organizations/{_world.OrganizationId}/api-clients/{clientId}/rotate", new { }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "api-client-revoked");
    }

    [Test]
    public async Task Scopes_are_checked_and_a_change_of_scopes_keeps_the_secret()
    {
        var url = $"/api/v1/organizations/{_world.OrganizationId}/api-clients";
        var unknown = await _orgAdmin.PostAsJsonAsync(url, new { name = "SIRH", scopes = new[] { "cohorts:read", "everything" } });
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed"))["errors"]!.AsObject().Select(e => e.Key).Should().Contain(k => k.StartsWith("scopes", StringComparison.Ordinal));
        await (await _orgAdmin.PostAsJsonAsync(url, new { name = "", scopes = Array.Empty<string>() })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        var (clientId, secret) = await _orgAdmin.CreateApiClientAsync(_world.OrganizationId, "grades:read");
        var read = await _orgAdmin.GetAsync($"{url}/{clientId}");
        using var update = new HttpRequestMessage(HttpMethod.Put, $"{url}/{clientId}") { Content = JsonContent.Create(new { name = "SIRH Acme (paie)", scopes = new[] { "cohorts:read" } }) };
        update.Headers.IfMatch.Add(read.Headers.ETag!);
        var updated = await _orgAdmin.SendAsync(update);
        updated.StatusCode.Should().Be(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        var token = await (await _factory.CreateClient().RequestClientTokenAsync(clientId, secret)).ReadJsonAsync();
        token["scope"]!.GetValue<string>().Should().Be("cohorts:read");

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"{url}/{clientId}") { Content = JsonContent.Create(new { name = "SIRH", scopes = new[] { "grades:read" } }) };
        stale.Headers.IfMatch.Add(read.Headers.ETag!);
        await (await _orgAdmin.SendAsync(stale)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
    }

    [Test]
    public async Task Only_failed_attempts_count_against_a_client_so_knowing_its_id_cannot_lock_it_out()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["RateLimiting:TokenPermitsPerAccountAndIp"] = "2" });
        var admin = await factory.AdminClientAsync();
        var (clientId, secret) = await admin.CreateApiClientAsync(await admin.CreateOrganizationAsync(), "cohorts:read");
        var http = factory.CreateClient();

        for (var i = 0; i < 4; i++)
        {
            (await http.RequestClientTokenAsync(clientId, secret)).StatusCode.Should().Be(HttpStatusCode.OK, "successes are not counted");
        }

        await (await http.RequestClientTokenAsync(clientId, "wrong")).ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        await (await http.RequestClientTokenAsync(clientId, "wrong")).ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        var throttled = await http.RequestClientTokenAsync(clientId, "wrong");
        await throttled.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        throttled.Headers.RetryAfter.Should().NotBeNull();

        var crowded = new FormUrlEncodedContent(Enumerable.Range(0, 1100).Select(i => KeyValuePair.Create($"f{i}", "x")));
        await (await http.PostAsync("/api/v1/auth/token", crowded)).ShouldBeOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_request");
    }

    [Test]
    public async Task Each_client_has_its_own_request_budget()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["RateLimiting:ApiPermitsPerClient"] = "2" });
        var admin = await factory.AdminClientAsync();
        var organizationId = await admin.CreateOrganizationAsync();
        var (clientId, secret) = await admin.CreateApiClientAsync(organizationId, "cohorts:read");
        var system = await factory.AsApiClientAsync(clientId, secret);

        (await system.GetAsync("/api/v1/cohorts")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await system.GetAsync("/api/v1/cohorts")).StatusCode.Should().Be(HttpStatusCode.OK);
        var refused = await system.GetAsync("/api/v1/cohorts");
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        refused.Headers.RetryAfter.Should().NotBeNull();
        (await admin.GetAsync("/api/v1/cohorts")).StatusCode.Should().Be(HttpStatusCode.OK, "people keep their own budget");
    }
}
