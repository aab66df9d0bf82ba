using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AwesomeAssertions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Platform;

/// <summary>The web app's refresh token in a cookie no script reads; the body form for the other clients; retried refreshes.</summary>
public sealed class SessionTests
{
    private const string Cookie = "__Secure-spoc-refresh";
    private SpocApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new SpocApiFactory();

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task Cookie_sign_in_puts_the_refresh_token_in_an_HttpOnly_Secure_SameSite_Strict_cookie_for_auth_routes_only()
    {
        var (browser, email) = await BrowserAsync();

        var response = await browser.PostAsJsonAsync("/api/v1/auth/token?session=Cookie", new { email, password = "Passw0rd-Test" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        body.ContainsKey("refreshToken").Should().BeFalse("scripts of the page must never see it");
        body["accessToken"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        var cookie = SetCookie(response);
        cookie.Should().StartWith(Cookie + "=");
        cookie.ToLowerInvariant().Should().Contain("; httponly").And.Contain("; secure").And.Contain("; samesite=strict").And.Contain("; path=/api/v1/auth").And.Contain("; max-age=");
    }

    [Test]
    public async Task The_web_app_refreshes_from_the_cookie_with_an_empty_body_and_gets_a_new_cookie()
    {
        var (browser, email) = await BrowserAsync();
        var signIn = await browser.PostAsJsonAsync("/api/v1/auth/token?session=Cookie", new { email, password = "Passw0rd-Test" });
        var first = SetCookie(signIn);

        var refreshed = await browser.PostAsync("/api/v1/auth/refresh", null);

        refreshed.StatusCode.Should().Be(HttpStatusCode.OK, await refreshed.Content.ReadAsStringAsync());
        (await refreshed.ReadJsonAsync()).ContainsKey("refreshToken").Should().BeFalse();
        var second = SetCookie(refreshed);
        second.Should().StartWith(Cookie + "=").And.NotBe(first);
        (await browser.PostAsJsonAsync("/api/v1/auth/refresh", new { })).StatusCode.Should().Be(HttpStatusCode.OK, "the browser sends the renewed cookie, with the web app's empty JSON body");
    }

    [Test]
    public async Task Logout_revokes_the_cookie_session_and_clears_the_cookie()
    {
        var (browser, email) = await BrowserAsync();
        var signIn = await (await browser.PostAsJsonAsync("/api/v1/auth/token?session=Cookie", new { email, password = "Passw0rd-Test" })).ReadJsonAsync();
        var refreshToken = SetCookieValue(await browser.PostAsync("/api/v1/auth/refresh", null));

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
        logout.Headers.Authorization = new AuthenticationHeaderValue("Bearer", signIn["accessToken"]!.GetValue<string>());
        var response = await browser.SendAsync(logout);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var cleared = SetCookie(response).ToLowerInvariant();
        cleared.Should().StartWith(Cookie.ToLowerInvariant() + "=;").And.Contain("expires=thu, 01 jan 1970").And.Contain("path=/api/v1/auth");
        (await browser.PostAsync("/api/v1/auth/refresh", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "no cookie any more");
        await (await _factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
    }

    [Test]
    public async Task Mobile_and_integrator_clients_keep_the_body_form_without_any_cookie()
    {
        var http = _factory.CreateClient();
        var email = await _factory.AccountAsync();

        var signIn = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Passw0rd-Test" });
        var tokens = (await signIn.Content.ReadFromJsonAsync<Tokens>())!;
        var refreshed = await http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken });

        tokens.RefreshToken.Should().NotBeNullOrEmpty();
        signIn.Headers.Contains("Set-Cookie").Should().BeFalse();
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        refreshed.Headers.Contains("Set-Cookie").Should().BeFalse();
        (await refreshed.Content.ReadFromJsonAsync<Tokens>())!.RefreshToken.Should().NotBe(tokens.RefreshToken);
        await (await http.PostAsync("/api/v1/auth/refresh", null)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
    }

    [Test]
    public async Task A_refresh_retried_with_the_same_Idempotency_Key_replays_the_answer_and_keeps_the_session()
    {
        var http = _factory.CreateClient();
        var email = await _factory.AccountAsync();
        var tokens = await http.SignInAsync(email);
        var key = Guid.NewGuid().ToString();

        var first = await Refresh(http, tokens.RefreshToken, key);
        var retry = await Refresh(http, tokens.RefreshToken, key);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        retry.StatusCode.Should().Be(HttpStatusCode.OK, await retry.Content.ReadAsStringAsync());
        retry.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        var rotated = (await retry.Content.ReadFromJsonAsync<Tokens>())!;
        rotated.RefreshToken.Should().Be((await first.Content.ReadFromJsonAsync<Tokens>())!.RefreshToken);
        (await Refresh(http, rotated.RefreshToken, null)).StatusCode.Should().Be(HttpStatusCode.OK, "the session is alive");
    }

    [Test]
    public async Task A_spent_refresh_token_sent_again_without_the_key_still_revokes_the_family()
    {
        var http = _factory.CreateClient();
        var email = await _factory.AccountAsync();
        var tokens = await http.SignInAsync(email);
        var key = Guid.NewGuid().ToString();
        var rotated = (await (await Refresh(http, tokens.RefreshToken, key)).Content.ReadFromJsonAsync<Tokens>())!;

        await (await Refresh(http, tokens.RefreshToken, null)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
        await (await Refresh(http, tokens.RefreshToken, Guid.NewGuid().ToString())).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
        await (await Refresh(http, rotated.RefreshToken, null)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
    }

    [Test]
    public async Task Past_the_30_second_grace_a_retry_with_the_same_key_is_a_reuse_and_revokes_the_family()
    {
        using var factory = new SpocApiFactory { Clock = new FakeTimeProvider(DateTimeOffset.UtcNow) };
        var http = factory.CreateClient();
        var email = await factory.AccountAsync();
        var tokens = await http.SignInAsync(email);
        var key = Guid.NewGuid().ToString();
        var rotated = (await (await Refresh(http, tokens.RefreshToken, key)).Content.ReadFromJsonAsync<Tokens>())!;

        factory.Clock!.Advance(TimeSpan.FromSeconds(31));

        await (await Refresh(http, tokens.RefreshToken, key)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
        await (await Refresh(http, rotated.RefreshToken, null)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
    }

    [Test]
    public async Task A_cookie_refresh_retried_with_its_key_replays_the_same_cookie()
    {
        // A browser whose first answer was lost still holds the cookie it sent: the retry carries that one again.
        var http = _factory.CreateClient();
        var email = await _factory.AccountAsync();
        var cookie = SetCookieValue(await http.PostAsJsonAsync("/api/v1/auth/token?session=Cookie", new { email, password = "Passw0rd-Test" }));
        var key = Guid.NewGuid().ToString();

        var first = await Refresh(http, null, key, cookie);
        var retry = await Refresh(http, null, key, cookie);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        retry.StatusCode.Should().Be(HttpStatusCode.OK, await retry.Content.ReadAsStringAsync());
        retry.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        SetCookie(retry).Should().Be(SetCookie(first));
        (await Refresh(http, null, null, SetCookieValue(first))).StatusCode.Should().Be(HttpStatusCode.OK, "the session is alive");
    }

    private async Task<(HttpClient Browser, string Email)> BrowserAsync()
    {
        // An https origin, as in production, so the cookie container (like a browser) keeps and sends the Secure cookie.
        var browser = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = true });
        return (browser, await _factory.AccountAsync());
    }

    private static Task<HttpResponseMessage> Refresh(HttpClient client, string? refreshToken, string? key, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/refresh")
        {
            Content = refreshToken is null ? null : JsonContent.Create(new { refreshToken }),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{Cookie}={cookie}");
        }

        return client.SendAsync(request);
    }

    private static string SetCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Cookie, StringComparison.Ordinal));

    private static string SetCookieValue(HttpResponseMessage response) => SetCookie(response).Split(';')[0][(Cookie.Length + 1)..];
}
