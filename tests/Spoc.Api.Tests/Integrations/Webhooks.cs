using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Integrations;

/// <summary>Webhook steps the tests share.</summary>
public static class Webhooks
{
    /// <summary>The settings of a factory whose webhooks reach a receiver on 127.0.0.1 within a fraction of a second.</summary>
    public static Dictionary<string, string?> LoopbackSettings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Webhooks:AllowLoopback"] = "true", ["Webhooks:PollingInterval"] = "00:00:00.200" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A webhook of the organisation to the receiver, whose secret the receiver then verifies with.</summary>
    public static async Task<Guid> SubscribeAsync(this HttpClient orgAdmin, Guid organizationId, WebhookReceiver receiver, params string[] eventTypes)
    {
        var response = await orgAdmin.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/webhooks", new { url = receiver.Url, eventTypes, description = "SIRH de test" });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.ReadJsonAsync();
        receiver.Secrets = [created["secret"]!.GetValue<string>()];
        return created["webhookId"]!.GetValue<Guid>();
    }

    public static async Task<JsonArray> DeliveriesAsync(this HttpClient orgAdmin, Guid webhookId, string query = "")
    {
        var response = await orgAdmin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["items"]!.AsArray();
    }

    public static Task UntilReceivedAsync(this WebhookReceiver receiver, int count, string because) =>
        TestApi.EventuallyAsync(() => Task.FromResult(receiver.Received.Count >= count), because, 30_000);
}
