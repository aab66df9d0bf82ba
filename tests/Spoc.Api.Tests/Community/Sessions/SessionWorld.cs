using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Community.Sessions;

/// <summary>
/// A <see cref="ForumWorld"/> (learners 0 and 1 in group Alpha, 2 in Beta, 3 in none; the mentor mentors learner 0, cohort
/// time zone Europe/Paris) whose published course has two preparation activities released since the cohort's start.
/// </summary>
public sealed class SessionWorld
{
    private SessionWorld(ForumWorld forum, Guid first, Guid second)
    {
        Forum = forum;
        PreparationIds = [first, second];
    }

    public ForumWorld Forum { get; }
    public IReadOnlyList<Guid> PreparationIds { get; }
    public Guid CohortId => Forum.CohortId;
    public HttpClient Trainer => Forum.Trainer;
    public HttpClient Mentor => Forum.Mentor;
    public HttpClient Learner(int i) => Forum.Learner(i);
    public Guid LearnerId(int i) => Forum.LearnerId(i);

    public static async Task<SessionWorld> CreateAsync(SpocApiFactory factory)
    {
        var forum = await ForumWorld.CreateAsync(factory);
        var courseId = forum.World.World.CourseId;
        var trainer = forum.Trainer;
        var section = (await (await trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/sections", new { title = "Semaine 1" })).ReadJsonAsync())["id"]!.GetValue<Guid>();
        async Task<Guid> ActivityAsync(string title)
        {
            var created = await trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/activities",
                new { sectionId = section, kind = "Preparation", title, content = "À lire avant la séance", offsetDays = 0, durationMinutes = 20 });
            created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            return (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();
        }

        var world = new SessionWorld(forum, await ActivityAsync("Lire le cas Dupont"), await ActivityAsync("Vidéo : le chemin critique"));
        (await trainer.PutAsJsonAsync($"/api/v1/courses/{courseId}", new { title = "Management de projet", language = "fr", isPublished = true })).StatusCode.Should().Be(HttpStatusCode.OK);
        return world;
    }

    /// <summary>A virtual class with both preparations, starting <paramref name="startsIn"/> from now and lasting 90 minutes.</summary>
    public static Dictionary<string, object?> VirtualClass(TimeSpan startsIn, IReadOnlyList<Guid>? preparations = null, DateTimeOffset? now = null)
    {
        var start = (now ?? DateTimeOffset.UtcNow) + startsIn;
        return new()
        {
            ["title"] = "Classe virtuelle : planifier", ["kind"] = "VirtualClass", ["description"] = "Apportez **vos questions** <script>alert(1)</script>",
            ["startsAt"] = start, ["endsAt"] = start.AddMinutes(90), ["meetingUrl"] = "https://visio.example.test/planifier",
            ["preparationActivityIds"] = preparations ?? [],
        };
    }

    public async Task<JsonObject> ScheduleAsync(object body)
    {
        var response = await Trainer.PostAsJsonAsync($"/api/v1/cohorts/{CohortId}/sessions", body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonObject> GetAsync(HttpClient by, string url)
    {
        var response = await by.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public async Task CompleteAsync(int learner, Guid activityId)
    {
        var done = await Learner(learner).PostAsync($"/api/v1/cohorts/{CohortId}/activities/{activityId}/completion", null);
        done.IsSuccessStatusCode.Should().BeTrue(await done.Content.ReadAsStringAsync());
    }

    public static Task<HttpResponseMessage> PatchAsync(HttpClient by, Guid sessionId, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/sessions/{sessionId}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return by.SendAsync(request);
    }
}
