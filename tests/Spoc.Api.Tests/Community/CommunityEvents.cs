using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Messaging;

namespace Spoc.Api.Tests.Community;

/// <summary>Events written to an outbox as their publishers write them; the real dispatcher delivers them to the handlers.</summary>
public static class CommunityEvents
{
    public static async Task PublishAsync(this SpocApiFactory factory, params IntegrationEvent[] events)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var e in events)
        {
            db.AddIntegrationEvent(e, now);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The caller's feed as JSON items (newest first).</summary>
    public static async Task<System.Text.Json.Nodes.JsonArray> FeedAsync(this HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/v1/me/notifications" + query);
        return (await response.ReadJsonAsync())["items"]!.AsArray();
    }

    public static async Task<int> UnreadAsync(this HttpClient client) =>
        (await (await client.GetAsync("/api/v1/me/notifications/unread-count")).ReadJsonAsync())["unread"]!.GetValue<int>();
}
