using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Cohorts;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Security;

namespace Spoc.Api.Tests.Infrastructure;

/// <summary>
/// Two API instances on one database (<see cref="Instances"/>), sharing what issue 18 moves to shared engines: rate limits
/// in a real Redis (ADR 0052), the data protection key ring in the database (ADR 0054); and readiness naming each
/// dependency. Each sharing test has its control beside it: the same steps without the engine show the instances apart,
/// so the test cannot pass by accident. Platform's cache of who people are (ADR 0056) forgets a change on every instance
/// through Redis. (A live push crossing instances: Community/Live/RedisBackplaneTests.)
/// </summary>
public sealed class SharedEnginesTests
{
    [Test]
    public async Task With_redis_a_callers_budget_is_counted_across_instances_and_the_429_comes_from_the_other()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = Limits(redis.Connection);
        using var a = new SpocApiFactory(settings);
        using var b = Instances.SecondOf(a, settings);
        var (onA, onB) = (a.CreateClient(), b.CreateClient());
        var peer = RandomPeer();

        // Five calls alternate A, B, A, B, A: the sixth, on B, which has seen only two, is refused.
        for (var i = 0; i < 5; i++)
        {
            (await CallAsync(i % 2 == 0 ? onA : onB, peer)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"call {i + 1} is within the budget");
        }

        var refused = await CallAsync(onB, peer);
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        refused.Headers.RetryAfter!.Delta.Should().BePositive().And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
        (await CallAsync(onA, RandomPeer())).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "another caller has a budget of its own");

        // Password guessing per account and address too (the module's own windows): three tries in all, not three per instance.
        var (email, guesser) = (TestApi.UniqueEmail("guessed"), RandomPeer());
        for (var i = 0; i < 3; i++)
        {
            (await GuessAsync(i % 2 == 0 ? onA : onB, guesser, email)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"guess {i + 1} is within the budget");
        }

        var blocked = await (await GuessAsync(onB, guesser, email)).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        blocked["title"]!.GetValue<string>().Should().Be("Too many sign-in attempts");
    }

    [Test]
    public async Task Without_redis_each_instance_counts_its_own_budget()
    {
        var settings = Limits(redis: null);
        using var a = new SpocApiFactory(settings);
        using var b = Instances.SecondOf(a, settings);
        var (onA, onB) = (a.CreateClient(), b.CreateClient());
        var peer = RandomPeer();

        for (var i = 0; i < 10; i++)
        {
            (await CallAsync(i % 2 == 0 ? onA : onB, peer)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"call {i + 1} is the {(i / 2) + 1}th on its instance");
        }
    }

    [Test]
    public async Task With_redis_someone_removed_from_an_organisation_on_one_instance_loses_its_cohorts_on_the_other_at_once()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["Redis:Connection"] = redis.Connection };
        using var a = new SpocApiFactory(settings);
        using var b = Instances.SecondOf(a, settings);
        var (onA, onB, cohort) = await AdminRemovedOnAAfterReadingOnBAsync(a, b);

        (await onA.GetAsync(cohort)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the instance that saved the change forgot what it knew");
        await TestApi.EventuallyAsync(async () => (await onB.GetAsync(cohort)).StatusCode == HttpStatusCode.NotFound,
            "the other instance heard of it through Redis, not after its minute", 2_000);
    }

    [Test]
    public async Task Without_redis_the_other_instance_keeps_what_it_knew_for_its_minute()
    {
        var settings = new Dictionary<string, string?>();
        using var a = new SpocApiFactory(settings);
        using var b = Instances.SecondOf(a, settings);
        var (onA, onB, cohort) = await AdminRemovedOnAAfterReadingOnBAsync(a, b);

        (await onA.GetAsync(cohort)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await onB.GetAsync(cohort)).StatusCode.Should().Be(HttpStatusCode.OK, "nothing told B: this is what Redis is for when instances are several (ADR 0056)");
    }

    /// <summary>An admin of a cohort's organisation, outside the cohort, reads it on B (B now knows their organisations); A's platform admin removes them from the organisation.</summary>
    private static async Task<(HttpClient OnA, HttpClient OnB, string Cohort)> AdminRemovedOnAAfterReadingOnBAsync(SpocApiFactory a, SpocApiFactory b)
    {
        var world = await CohortWorld.CreateAsync(a);
        var cohort = $"/api/v1/cohorts/{await world.CohortAsync(mode: "InviteOnly")}";
        var (onA, adminId, _) = (await a.PeopleAsync(2, "org-admin", world.OrganizationId, OrganizationRole.OrgAdmin))[0]; // the second stays: an organisation keeps an admin
        var onB = b.CreateClient();
        onB.DefaultRequestHeaders.Authorization = onA.DefaultRequestHeaders.Authorization;
        (await onB.GetAsync(cohort)).StatusCode.Should().Be(HttpStatusCode.OK, "an organisation's admin sees its cohorts");

        var removed = await world.Admin.DeleteAsync($"/api/v1/organizations/{world.OrganizationId}/members/{adminId}");
        removed.StatusCode.Should().Be(HttpStatusCode.NoContent, await removed.Content.ReadAsStringAsync());
        return (onA, onB, cohort);
    }

    [Test]
    public async Task Keys_in_the_database_let_one_instance_read_what_the_other_protected_and_a_copy_of_the_database_alone_reads_nothing()
    {
        var certificate = SelfSignedPfx(out var password);
        var settings = new Dictionary<string, string?>
        {
            ["DataProtection:Store"] = "Database",
            ["DataProtection:Certificate:Path"] = certificate,
            ["DataProtection:Certificate:Password"] = password,
        };
        using var a = new SpocApiFactory(settings);
        using var b = Instances.SecondOf(a, settings);

        var secret = Protector(a).Protect("whsec_partagé");
        Protector(b).Unprotect(secret).Should().Be("whsec_partagé");

        // The ring is in the database, each key encrypted to the certificate; nothing in either instance's directory.
        await using (var scope = a.Services.CreateAsyncScope())
        {
            var keys = await scope.ServiceProvider.GetRequiredService<KeysDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync();
            keys.Should().NotBeEmpty().And.OnlyContain(k => k.Xml!.Contains("EncryptedData") && !k.Xml.Contains("<masterKey"));
        }

        Directory.Exists(Path.Combine(a.DataDirectory, "keys", "data-protection")).Should().BeFalse();
        Directory.Exists(Path.Combine(b.DataDirectory, "keys", "data-protection")).Should().BeFalse();

        // Whoever holds the database but not the certificate's private key cannot open the ring, nor what it protects.
        using var thief = Instances.SecondOf(a, new Dictionary<string, string?> { ["DataProtection:Store"] = "Database" });
        FluentActions.Invoking(() => Protector(thief).Unprotect(secret)).Should().Throw<CryptographicException>();
    }

    [Test]
    public void Keys_on_each_instances_disk_are_not_shared()
    {
        using var a = new SpocApiFactory();
        using var b = Instances.SecondOf(a, new Dictionary<string, string?>());

        var secret = Protector(a).Protect("whsec_partagé");
        FluentActions.Invoking(() => Protector(b).Unprotect(secret)).Should().Throw<CryptographicException>();
    }

    [Test]
    public void A_key_ring_in_the_database_without_its_certificate_stops_a_production_start()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["DataProtection:Store"] = "Database" });
        var production = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var start = () => production.Services;
        start.Should().Throw<InvalidOperationException>().WithMessage("*DataProtection:Certificate:Path*");
    }

    [Test]
    public async Task Readiness_names_each_configured_dependency_and_a_shared_engine_that_stops_degrades_it_without_taking_the_instance_out()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var azurite = await AzuriteServer.StartAsync();
        using var api = new SpocApiFactory(new Dictionary<string, string?>
        {
            ["Redis:Connection"] = redis.Connection,
            ["Files:BlobConnectionString"] = azurite.ConnectionString,
        });
        var http = api.CreateClient();
        (await ReadyAsync(http)).Should().Be((HttpStatusCode.OK, "Healthy", "blob-storage=Healthy database=Healthy redis=Healthy"));

        await redis.StopAsync();
        await TestApi.EventuallyAsync(async () => (await ReadyAsync(http)).Checks == "blob-storage=Healthy database=Healthy redis=Degraded", "readiness saw Redis stop");
        // Every instance loses Redis at once: still 200, or the load balancer would take them all out.
        (await ReadyAsync(http)).Should().Be((HttpStatusCode.OK, "Degraded", "blob-storage=Healthy database=Healthy redis=Degraded"));
        // Rate limits fall back to this instance's own windows: a request is answered, not failed for want of a counter.
        (await CallAsync(http, RandomPeer())).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        api.Logs.Should().Contain(l => l.Contains("Redis is unreachable: rate limits are counted per instance", StringComparison.Ordinal));

        await azurite.StopAsync();
        (await ReadyAsync(http)).Should().Be((HttpStatusCode.OK, "Degraded", "blob-storage=Degraded database=Healthy redis=Degraded"));
    }

    private static Dictionary<string, string?> Limits(string? redis) => new()
    {
        ["Redis:Connection"] = redis,
        ["RateLimiting:ApiPermitsPerCaller"] = "5",
        ["RateLimiting:TokenPermitsPerAccountAndIp"] = "3",
    };

    private static string RandomPeer() => $"10.{RandomNumberGenerator.GetInt32(256)}.{RandomNumberGenerator.GetInt32(256)}.{RandomNumberGenerator.GetInt32(1, 255)}";

    /// <summary>An anonymous call under /api: refused 401 by authorization, after the rate limiter has counted it.</summary>
    private static Task<HttpResponseMessage> CallAsync(HttpClient http, string peer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add(PeerAddressFromHeader.Header, peer);
        return http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> GuessAsync(HttpClient http, string peer, string email)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { email, password = "Wrong-Guess-1" }) };
        request.Headers.Add(PeerAddressFromHeader.Header, peer);
        return http.SendAsync(request);
    }

    private static async Task<(HttpStatusCode Status, string Overall, string Checks)> ReadyAsync(HttpClient http)
    {
        var response = await http.GetAsync("/health/ready");
        var body = await response.ReadJsonAsync();
        var checks = body["checks"]!.AsObject().OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value!.GetValue<string>()}");
        return (response.StatusCode, body["status"]!.GetValue<string>(), string.Join(' ', checks));
    }

    private static IDataProtector Protector(SpocApiFactory api) => api.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Spoc.Tests.SharedKeys");

    private static string SelfSignedPfx(out string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Spoc data protection (tests)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var path = Path.Combine(Directory.CreateTempSubdirectory("spoc-cert-").FullName, "data-protection.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
