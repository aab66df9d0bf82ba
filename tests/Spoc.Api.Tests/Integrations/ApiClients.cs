using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;
using Spoc.SharedKernel.Security;

namespace Spoc.Api.Tests.Integrations;

/// <summary>An org admin registering API clients, and those clients getting tokens, as an integrator's system would.</summary>
internal static class ApiClients
{
    public static readonly string[] AllScopes = [.. Scopes.All.Keys];

    public static async Task<(Guid ClientId, string Secret)> CreateApiClientAsync(this HttpClient orgAdmin, Guid organizationId, params string[] scopes)
    {
        var response = await orgAdmin.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/api-clients", new { name = "SIRH Acme", scopes = scopes.Length > 0 ? scopes : AllScopes });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.ReadJsonAsync();
        return (body["clientId"]!.GetValue<Guid>(), body["clientSecret"]!.GetValue<string>());
    }

    /// <summary>The client-credentials grant, <c>client_secret_post</c>, or <c>client_secret_basic</c> when <paramref name="basic"/>.</summary>
    public static async Task<HttpResponseMessage> RequestClientTokenAsync(this HttpClient http, Guid clientId, string secret, string? scope = null, bool basic = false)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token");
        if (basic)
        {
            var pair = $"{Uri.EscapeDataString(clientId.ToString())}:{Uri.EscapeDataString(secret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
        else
        {
            form["client_id"] = clientId.ToString();
            form["client_secret"] = secret;
        }

        request.Content = new FormUrlEncodedContent(form);
        return await http.SendAsync(request);
    }

    /// <summary>An HTTP client carrying a fresh token of the API client (all its scopes unless <paramref name="scope"/>).</summary>
    public static async Task<HttpClient> AsApiClientAsync(this SpocApiFactory factory, Guid clientId, string secret, string? scope = null)
    {
        var http = factory.CreateClient();
        var response = await http.RequestClientTokenAsync(clientId, secret, scope);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.ReadJsonAsync())["access_token"]!.GetValue<string>());
        return http;
    }

    /// <summary>Asserts an OAuth error (RFC 6749 §5.2) carrying the problem members, and returns its body.</summary>
    public static async Task ShouldBeOAuthErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json", "OAuth libraries read errors as JSON");
        response.Headers.CacheControl?.NoStore.Should().BeTrue();
        var body = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
        body["error"]!.GetValue<string>().Should().Be(error);
        body["error_description"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        body["type"]!.GetValue<string>().Should().Be("https://spoc.dev/problems/" + error.Replace('_', '-'));
        body["status"]!.GetValue<int>().Should().Be((int)status);
    }
}
