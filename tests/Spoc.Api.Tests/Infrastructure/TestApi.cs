using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;

namespace Spoc.Api.Tests.Infrastructure;

public sealed record Tokens(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType);

/// <summary>The few calls nearly every test makes, written once.</summary>
public static class TestApi
{
    public static string UniqueEmail(string who = "user") => $"{who}.{Guid.NewGuid():N}@example.test";

    /// <summary>
    /// Registers, then completes the email verification as the person would: opens the link of the mail that arrives
    /// (recorded by the factory's <see cref="RecordingEmailSender"/>). An address that already had an account gets no link.
    /// </summary>
    public static async Task<HttpResponseMessage> RegisterAsync(this HttpClient http, string email, string password = "Passw0rd-Test", string displayName = "Test User")
    {
        var mail = RecordingEmailSender.NextRegistrationMailTo(email);
        var response = await http.PostAsJsonAsync("/api/v1/auth/register", new { email, password, displayName });
        if (response.IsSuccessStatusCode && RecordingEmailSender.VerificationToken(await mail) is { } token)
        {
            var verified = await http.PostAsJsonAsync("/api/v1/auth/verify-email", new { token });
            verified.StatusCode.Should().Be(HttpStatusCode.NoContent, await verified.Content.ReadAsStringAsync());
        }

        return response;
    }

    public static async Task<Tokens> SignInAsync(this HttpClient http, string email, string password = "Passw0rd-Test")
    {
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Tokens>())!;
    }

    /// <summary>A new account, verified and signed in: a client that sends its bearer token (seeded, see <see cref="Seed"/>).</summary>
    public static async Task<(HttpClient Client, Guid UserId, string Email)> NewUserAsync(this SpocApiFactory factory, string who = "user") =>
        (await factory.PeopleAsync(1, who)).Single();

    /// <summary>The account an access token was issued to (its <c>sub</c>), read without a request.</summary>
    public static Guid UserIdOf(string accessToken) =>
        Guid.Parse(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(accessToken).Subject);

    public static async Task<HttpClient> SignedInClientAsync(this SpocApiFactory factory, string email, string password = "Passw0rd-Test")
    {
        var client = factory.CreateClient();
        var tokens = await client.SignInAsync(email, password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    public static Task<HttpClient> AdminClientAsync(this SpocApiFactory factory) =>
        factory.SignedInClientAsync(SpocApiFactory.AdminEmail, SpocApiFactory.AdminPassword);

    public static async Task<Guid> CreateOrganizationAsync(this HttpClient admin, string? slug = null)
    {
        slug ??= "org-" + Guid.NewGuid().ToString("N")[..12];
        var response = await admin.PostAsJsonAsync("/api/v1/organizations", new { name = "Organisation " + slug, slug });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    public static async Task AddMemberAsync(this HttpClient admin, Guid organizationId, string email, string role)
    {
        var response = await admin.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/members", new { email, role });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Asserts an RFC 9457 body with the given status and stable type slug, and returns it.</summary>
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string slug)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", body);
        var problem = JsonNode.Parse(body)!.AsObject();
        problem["type"]!.GetValue<string>().Should().Be("https://spoc.dev/problems/" + slug, body);
        problem["status"]!.GetValue<int>().Should().Be((int)status);
        problem["title"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        return problem;
    }

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static StringContent Json(string raw) => new(raw, System.Text.Encoding.UTF8, "application/json");

    public static async Task EventuallyAsync(Func<Task<bool>> condition, string because, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {because}");
            }

            await Task.Delay(50);
        }
    }

    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
