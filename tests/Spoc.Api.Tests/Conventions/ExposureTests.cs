using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Conventions;

/// <summary>What a production host shows of itself: transport security, headers on API answers, Swagger UI, key files.</summary>
public sealed class ExposureTests
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";
    private static readonly Uri Https = new("https://spoc.example.test");

    private SpocApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new SpocApiFactory(); // environment "Testing": not Development

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task Outside_development_https_answers_carry_hsts()
    {
        var http = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = Https });

        var response = await http.GetAsync("/health/live");

        response.Headers.GetValues("Strict-Transport-Security").Single().Should().Be("max-age=31536000; includeSubDomains");
    }

    [Test]
    public async Task Api_answers_with_tokens_or_errors_are_never_stored_and_never_run_as_a_page()
    {
        var http = _factory.CreateClient();
        var email = TestApi.UniqueEmail();
        var registered = await http.RegisterAsync(email);
        var signedIn = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Passw0rd-Test" });
        signedIn.StatusCode.Should().Be(HttpStatusCode.OK);
        var tokens = (await signedIn.Content.ReadFromJsonAsync<Tokens>())!;
        var refreshed = await http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken });
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        var refused = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Wrong-Passw0rd" });
        var unknown = await http.GetAsync("/api/v1/does-not-exist");

        foreach (var response in new[] { registered, signedIn, refreshed, refused, unknown })
        {
            var because = $"{response.RequestMessage!.RequestUri} answered {(int)response.StatusCode}";
            response.Headers.CacheControl!.NoStore.Should().BeTrue(because);
            response.Headers.GetValues("Content-Security-Policy").Single().Should().Be(ApiPolicy, because);
            response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff", because);
        }
    }

    [Test]
    public async Task Swagger_ui_can_be_switched_off_while_the_openapi_document_stays_published()
    {
        (await _factory.CreateClient().GetAsync("/swagger/index.html")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["OpenApi:SwaggerUi"] = "false" });
        var http = factory.CreateClient();

        (await http.GetAsync("/swagger/index.html")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var document = await http.GetAsync("/swagger/v1/swagger.json");
        document.StatusCode.Should().Be(HttpStatusCode.OK);
        (await document.ReadJsonAsync())["openapi"]!.GetValue<string>().Should().StartWith("3.");
    }

    [Test]
    public async Task Development_sends_no_hsts_and_keeps_its_generated_signing_key_readable_by_its_owner_only()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["environment"] = "Development", ["Auth:SigningKey"] = null });
        var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = Https });

        (await http.GetAsync("/health/live")).Headers.Contains("Strict-Transport-Security").Should().BeFalse();
        await factory.AdminClientAsync(); // tokens are signed with the key generated at start-up

        var key = Path.Combine(factory.DataDirectory, "keys", "jwt-signing.key");
        File.Exists(key).Should().BeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(key).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
