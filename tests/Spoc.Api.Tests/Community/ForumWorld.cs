using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Assessment;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Platform.Data;

namespace Spoc.Api.Tests.Community;

/// <summary>
/// A running cohort (see <see cref="AssessmentWorld"/>) whose learners 0 and 1 are in group "Alpha", learner 2 in "Beta",
/// learner 3 in none; everyone has a distinct display name: "Trainer Tom", "Mentor Mia", "Learner 0"...
/// </summary>
public sealed class ForumWorld
{
    private ForumWorld(SpocApiFactory factory, AssessmentWorld world, Guid alpha, Guid beta)
    {
        Factory = factory;
        World = world;
        Alpha = alpha;
        Beta = beta;
    }

    public SpocApiFactory Factory { get; }
    public AssessmentWorld World { get; }
    public Guid CohortId => World.CohortId;
    public HttpClient Trainer => World.Trainer;
    public HttpClient Mentor => World.Mentor;
    public Guid TrainerId => World.World.TrainerId;
    public Guid Alpha { get; }
    public Guid Beta { get; }
    public HttpClient Learner(int i) => World.Learners[i].Client;
    public Guid LearnerId(int i) => World.Learners[i].Id;

    public static async Task<ForumWorld> CreateAsync(SpocApiFactory factory)
    {
        var world = await AssessmentWorld.CreateAsync(factory, learners: 4);
        async Task<Guid> GroupAsync(string name, params int[] learners)
        {
            var response = await world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{world.CohortId}/groups", new { name, memberIds = learners.Select(i => world.Learners[i].Id).ToArray() });
            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
        }

        var forum = new ForumWorld(factory, world, await GroupAsync("Alpha", 0, 1), await GroupAsync("Beta", 2));
        await forum.RenameAsync(world.World.TrainerId, "Trainer Tom");
        for (var i = 0; i < world.Learners.Count; i++)
        {
            await forum.RenameAsync(world.Learners[i].Id, $"Learner {i}");
        }

        return forum;
    }

    /// <summary>
    /// Sets a display name through Platform's context, not the profile route (not what these tests are about); a save, so
    /// that Platform's cache of names forgets the old one, as it does for every change Platform makes (ADR 0056).
    /// </summary>
    public async Task RenameAsync(Guid userId, string name)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        (await db.Users.SingleAsync(u => u.Id == userId)).DisplayName = name;
        await db.SaveChangesAsync();
    }

    public async Task<JsonObject> ThreadAsync(HttpClient by, object body)
    {
        var response = await by.PostAsJsonAsync($"/api/v1/cohorts/{CohortId}/threads", body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public async Task<JsonObject> PostAsync(HttpClient by, Guid threadId, object body)
    {
        var response = await by.PostAsJsonAsync($"/api/v1/threads/{threadId}/posts", body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public async Task<JsonObject> ReadAsync(HttpClient by, Guid threadId, string query = "")
    {
        var response = await by.GetAsync($"/api/v1/threads/{threadId}{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public async Task<JsonArray> ListAsync(HttpClient by, string query = "")
    {
        var response = await by.GetAsync($"/api/v1/cohorts/{CohortId}/threads{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["items"]!.AsArray();
    }

    /// <summary>The Community outbox's events of one type, as JSON.</summary>
    public async Task<List<JsonObject>> EventsAsync(string type)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var payloads = await scope.ServiceProvider.GetRequiredService<CommunityDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Type.Contains(type)).Select(m => m.Payload).ToListAsync();
        return payloads.Select(p => JsonNode.Parse(p)!.AsObject()).ToList();
    }
}
