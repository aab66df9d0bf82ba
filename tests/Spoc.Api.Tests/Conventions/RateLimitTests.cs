using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Conventions;

// Slow: a host of its own per test, and a password check per counted sign-in.
[Category("Slow")]
public sealed class RateLimitTests
{
    [Test]
    public async Task Sign_in_is_limited_per_ip_with_retry_after()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["RateLimiting:TokenPermitsPerIp"] = "3" });
        var http = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = TestApi.UniqueEmail(), password = "Wrong-1234" });
            statuses.Add(response.StatusCode);
            if (i == 3)
            {
                await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
                int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BePositive();
            }
        }

        statuses.Take(3).Should().OnlyContain(s => s == HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Sign_in_is_limited_per_account_whatever_the_address()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["RateLimiting:TokenPermitsPerAccount"] = "2" });
        var http = factory.CreateClient();
        var target = TestApi.UniqueEmail();

        for (var i = 0; i < 2; i++)
        {
            (await http.PostAsJsonAsync("/api/v1/auth/token", new { email = target, password = "Guess-" + i })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var blocked = await http.PostAsJsonAsync("/api/v1/auth/token", new { email = target.ToUpperInvariant(), password = "Guess-3x" });
        await blocked.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        blocked.Headers.Contains("Retry-After").Should().BeTrue();

        (await http.PostAsJsonAsync("/api/v1/auth/token", new { email = TestApi.UniqueEmail(), password = "Guess-4x" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task The_api_is_limited_per_user()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["RateLimiting:ApiPermitsPerCaller"] = "6" });
        // Register, verify, sign in: anonymous calls, not counted against the user.
        var email = TestApi.UniqueEmail();
        (await factory.CreateClient().RegisterAsync(email)).StatusCode.Should().Be(HttpStatusCode.Created);
        var me = await factory.SignedInClientAsync(email);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await me.GetAsync("/api/v1/me")).StatusCode);
        }

        statuses.Take(6).Should().OnlyContain(s => s == HttpStatusCode.OK);
        statuses[6].Should().Be(HttpStatusCode.TooManyRequests);
    }
}
