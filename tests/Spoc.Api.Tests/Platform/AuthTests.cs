using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Platform;

public sealed class AuthTests
{
    private SpocApiFactory _factory = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new SpocApiFactory();
        _http = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _http.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task Register_creates_a_learner_account_that_can_sign_in_and_read_me()
    {
        var email = TestApi.UniqueEmail("Élodie");
        var response = await _http.RegisterAsync(email, displayName: "Élodie Façon");

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.Location!.ToString().Should().Be("/api/v1/me");
        (await response.ReadJsonAsync())["email"]!.GetValue<string>().Should().Be(email);

        var tokens = await _http.SignInAsync(email.ToUpperInvariant());
        tokens.TokenType.Should().Be("Bearer");
        tokens.ExpiresIn.Should().Be(900);

        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var profile = await (await _http.SendAsync(me)).ReadJsonAsync();
        profile["id"]!.GetValue<Guid>().Should().Be(TestApi.UserIdOf(tokens.AccessToken));
        profile["displayName"]!.GetValue<string>().Should().Be("Élodie Façon");
        profile["email"]!.GetValue<string>().Should().Be(email);
        profile["isPlatformAdmin"]!.GetValue<bool>().Should().BeFalse();
        profile["organizations"]!.AsArray().Should().BeEmpty();
    }

    [Test]
    public async Task Register_lists_every_invalid_field()
    {
        var response = await _http.PostAsJsonAsync("/api/v1/auth/register", new { email = "not-an-email", password = "short", displayName = "" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        problem["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo(["email", "password", "displayName"]);
    }

    [Test]
    public async Task Password_without_a_digit_is_refused()
    {
        var response = await _http.RegisterAsync(TestApi.UniqueEmail(), password: "onlyletters");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        problem["errors"]!["password"]!.AsArray().Should().ContainSingle();
    }

    [Test]
    public async Task Unknown_email_and_wrong_password_get_the_same_401()
    {
        var email = TestApi.UniqueEmail();
        await _http.RegisterAsync(email);

        var wrongPassword = await (await _http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Wrong-Pass-1" }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");
        var unknownEmail = await (await _http.PostAsJsonAsync("/api/v1/auth/token", new { email = TestApi.UniqueEmail(), password = "Wrong-Pass-1" }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-credentials");

        Strip(wrongPassword).ToJsonString().Should().Be(Strip(unknownEmail).ToJsonString());

        static JsonObject Strip(JsonObject problem)
        {
            problem.Remove("traceId");
            return problem;
        }
    }

    [Test]
    public async Task Refresh_rotates_the_token_and_a_spent_one_revokes_the_whole_family()
    {
        var email = TestApi.UniqueEmail();
        await _http.RegisterAsync(email);
        var first = await _http.SignInAsync(email);

        var second = await Refresh(first.RefreshToken);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        var rotated = (await second.Content.ReadFromJsonAsync<Tokens>())!;
        rotated.RefreshToken.Should().NotBe(first.RefreshToken);
        rotated.AccessToken.Should().NotBeNullOrEmpty();

        // The first token was stolen and replayed: it is refused, and so is the legitimate newer one.
        await (await Refresh(first.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
        await (await Refresh(rotated.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");

        // A fresh sign-in starts a new, healthy family.
        var again = await _http.SignInAsync(email);
        (await Refresh(again.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Concurrent_refreshes_with_one_token_yield_one_success_and_revoke_the_family()
    {
        var email = TestApi.UniqueEmail();
        await _http.RegisterAsync(email);
        var tokens = await _http.SignInAsync(email);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Refresh(tokens.RefreshToken)));

        // One use rotates the token; the others are reuses of a spent token, which revoke the family,
        // so even the token the winner received no longer works.
        results.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        results.Count(r => r.StatusCode == HttpStatusCode.Unauthorized).Should().Be(5);
        var winner = (await results.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<Tokens>())!;
        await (await Refresh(winner.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
    }

    [Test]
    public async Task Logout_revokes_the_refresh_token_family()
    {
        var email = TestApi.UniqueEmail();
        await _http.RegisterAsync(email);
        var tokens = await _http.SignInAsync(email);

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout") { Content = JsonContent.Create(new { refreshToken = tokens.RefreshToken }) };
        logout.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        (await _http.SendAsync(logout)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await Refresh(tokens.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid-refresh-token");
    }

    [Test]
    public async Task Logout_needs_a_signed_in_caller()
    {
        var response = await _http.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = "whatever" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task Bootstrapped_admin_is_a_platform_admin()
    {
        var admin = await _factory.AdminClientAsync();

        var me = await (await admin.GetAsync("/api/v1/me")).ReadJsonAsync();

        me["isPlatformAdmin"]!.GetValue<bool>().Should().BeTrue();
    }

    private Task<HttpResponseMessage> Refresh(string refreshToken) =>
        _http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });
}
