using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Conventions;

/// <summary>Password guessing is throttled without handing attackers a way to lock the owner out, and forwarded addresses are believed only from configured proxies.</summary>
// Slow: a host of its own per test, and a password check per failed sign-in.
[Category("Slow")]
public sealed class SignInThrottleTests
{
    private const string Attacker = "203.0.113.7";

    [Test]
    public async Task Many_failures_from_one_address_do_not_stop_the_owner_signing_in_from_another()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["RateLimiting:TokenPermitsPerAccountAndIp"] = "3" });
        var http = factory.CreateClient();
        var (_, _, victim) = await factory.NewUserAsync("victim");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await SignIn(http, victim, "Guess-" + i + "x", from: Attacker)).StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests);
        await (await SignIn(http, victim, "Passw0rd-Test", from: Attacker)).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        (await SignIn(http, victim, "Passw0rd-Test", from: "198.51.100.2")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task X_forwarded_for_from_an_unknown_peer_is_ignored_and_from_a_known_proxy_is_believed()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?>
        {
            ["RateLimiting:TokenPermitsPerAccountAndIp"] = "2",
            ["Network:KnownProxies:0"] = "10.0.0.1",
        });
        var http = factory.CreateClient();
        var (_, _, victim) = await factory.NewUserAsync("victim");

        // A client forging a new address on each try still counts as itself.
        var forged = new List<HttpStatusCode>();
        foreach (var claimed in new[] { "1.1.1.1", "2.2.2.2", "3.3.3.3" })
        {
            forged.Add((await SignIn(http, victim, "Guess-1x", from: Attacker, forwardedFor: claimed)).StatusCode);
        }

        forged.Should().Equal(HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests);

        // Through the trusted proxy, each forwarded client is its own partition.
        foreach (var client in new[] { "4.4.4.4", "5.5.5.5", "6.6.6.6" })
        {
            (await SignIn(http, victim, "Guess-2x", from: "10.0.0.1", forwardedFor: client)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        (await SignIn(http, victim, "Guess-3x", from: "10.0.0.1", forwardedFor: "4.4.4.4")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await SignIn(http, victim, "Guess-4x", from: "10.0.0.1", forwardedFor: "4.4.4.4")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    private static Task<HttpResponseMessage> SignIn(HttpClient http, string email, string password, string from, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.Add(PeerAddressFromHeader.Header, from);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return http.SendAsync(request);
    }
}
