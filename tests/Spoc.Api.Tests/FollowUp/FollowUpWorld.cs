using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Spoc.Api.Tests.Assessment;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.FollowUp.Features.Signals;

namespace Spoc.Api.Tests.FollowUp;

/// <summary>
/// A running cohort (see <see cref="AssessmentWorld"/>: started a week ago, a trainer, a mentor of learner 0) on a host
/// whose clock the test moves, once every learner's follow-up row exists. Every client is created up front: tokens are
/// issued at the fake clock's time, so none may be issued after it moved.
/// </summary>
public sealed class FollowUpWorld : IDisposable
{
    private FollowUpWorld(SpocApiFactory factory, FakeTimeProvider clock, AssessmentWorld world)
    {
        Factory = factory;
        Clock = clock;
        World = world;
    }

    public SpocApiFactory Factory { get; }
    public FakeTimeProvider Clock { get; }
    public AssessmentWorld World { get; }
    public Guid CohortId => World.CohortId;
    public Guid CourseId => World.World.CourseId;
    public HttpClient Trainer => World.Trainer;
    public Guid TrainerId => World.World.TrainerId;
    public HttpClient Mentor => World.Mentor;
    public HttpClient Learner(int i) => World.Learners[i].Client;
    public Guid LearnerId(int i) => World.Learners[i].Id;

    public void Dispose() => Factory.Dispose();

    /// <summary>A new host with its own fake clock, and the world on it.</summary>
    public static async Task<FollowUpWorld> CreateAsync(int learners = 3)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var factory = new SpocApiFactory { Clock = clock };
        var world = await AssessmentWorld.CreateAsync(factory, learners);
        var w = new FollowUpWorld(factory, clock, world);
        await w.EventuallyAsync(0, s => s.MentorId is not null, "the mentor of learner 0 reached the follow-up");
        for (var i = 1; i < learners; i++)
        {
            await w.EventuallyAsync(i, _ => true, $"learner {i}'s enrolment reached the follow-up");
        }

        return w;
    }

    /// <summary>The learner's signals row as stored; null before their first event arrived.</summary>
    internal async Task<LearnerSignals?> SignalsAsync(int learner)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var id = LearnerId(learner);
        return await scope.ServiceProvider.GetRequiredService<FollowUpDbContext>().Signals.AsNoTracking()
            .FirstOrDefaultAsync(s => s.CohortId == CohortId && s.LearnerId == id);
    }

    /// <summary>Waits until the learner's row matches (events arrive through the outbox, asynchronously); returns it.</summary>
    internal async Task<LearnerSignals> EventuallyAsync(int learner, Func<LearnerSignals, bool> matches, string because)
    {
        LearnerSignals? last = null;
        await TestApi.EventuallyAsync(async () => (last = await SignalsAsync(learner)) is { } s && matches(s), because);
        return last!;
    }

    /// <summary>One sweep now, as the background service runs it.</summary>
    public Task<int> SweepAsync() => Factory.Services.GetRequiredService<SignalsSweep>().SweepOnceAsync(CancellationToken.None);

    public async Task<JsonObject> DashboardAsync(HttpClient by, string query = "")
    {
        var response = await by.GetAsync($"/api/v1/cohorts/{CohortId}/follow-up{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    /// <summary>The learner's row of the trainer's dashboard (all learners on one page).</summary>
    public async Task<JsonObject> RowAsync(int learner) =>
        (await DashboardAsync(Trainer, "?pageSize=100"))["items"]!.AsArray().Select(r => r!.AsObject())
            .Single(r => r["learnerId"]!.GetValue<Guid>() == LearnerId(learner));

    /// <summary>The reasons of a row as "Rule:Level:value/threshold", e.g. "Absences:AtRisk:2/2".</summary>
    public static IEnumerable<string> Reasons(JsonObject row) => row["reasons"]!.AsArray().Select(r =>
        $"{r!["rule"]}:{r["level"]}:{r["value"]!.GetValue<decimal>():0.##}/{r["threshold"]!.GetValue<decimal>():0.##}");

    internal static IEnumerable<string> Reasons(LearnerSignals s) => s.Reasons.Select(r => $"{r.Rule}:{r.Level}:{r.Value:0.##}/{r.Threshold:0.##}");

    /// <summary>A section of the course, and in it activities released at the cohort's start and due <paramref name="dueOffsetDays"/> days after it (null: no due date).</summary>
    public async Task<List<Guid>> ActivitiesAsync(int count, int? dueOffsetDays)
    {
        var section = await PostAsync(Trainer, $"/api/v1/courses/{CourseId}/sections", new { title = "Semaine 1" });
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await PostAsync(Trainer, $"/api/v1/courses/{CourseId}/activities",
                new { sectionId = section["id"]!.GetValue<Guid>(), kind = "Lesson", title = $"Lecture {i}", content = "À lire", offsetDays = 0, dueOffsetDays, durationMinutes = 20 }))["id"]!.GetValue<Guid>());
        }

        (await Trainer.PutAsJsonAsync($"/api/v1/courses/{CourseId}", new { title = "Management de projet", language = "fr", isPublished = true })).StatusCode.Should().Be(HttpStatusCode.OK);
        return ids;
    }

    public async Task CompleteAsync(int learner, Guid activityId)
    {
        var done = await Learner(learner).PostAsync($"/api/v1/cohorts/{CohortId}/activities/{activityId}/completion", null);
        done.IsSuccessStatusCode.Should().BeTrue(await done.Content.ReadAsStringAsync());
    }

    /// <summary>A published text assignment worth 20 points, released a day ago and due <paramref name="dueIn"/> from the clock's now.</summary>
    public async Task<Guid> AssignmentAsync(string title, TimeSpan dueIn)
    {
        var now = Clock.GetUtcNow();
        var body = AssessmentWorld.TextAssignment(title);
        (body["releaseAt"], body["dueAt"]) = (now.AddDays(-1), now + dueIn);
        return (await World.CreateAsync(body))["id"]!.GetValue<Guid>();
    }

    public async Task<Guid> SubmitAsync(int learner, Guid assignmentId) =>
        (await PostAsync(Learner(learner), $"/api/v1/assignments/{assignmentId}/submissions", new { text = "Ma note de cadrage" }))["id"]!.GetValue<Guid>();

    public async Task ReleaseGradeAsync(Guid submissionId, decimal score)
    {
        var graded = await AssessmentWorld.GradeAsync(Trainer, submissionId, new { score, feedback = "Vu", status = "Released" });
        graded.StatusCode.Should().Be(HttpStatusCode.OK, await graded.Content.ReadAsStringAsync());
    }

    /// <summary>A virtual class that started an hour ago.</summary>
    public async Task<Guid> SessionAsync() =>
        (await PostAsync(Trainer, $"/api/v1/cohorts/{CohortId}/sessions", Community.Sessions.SessionWorld.VirtualClass(TimeSpan.FromHours(-1), now: Clock.GetUtcNow())))["id"]!.GetValue<Guid>();

    public async Task AttendanceAsync(Guid sessionId, params (int Learner, string Status)[] records)
    {
        var response = await Trainer.PutAsJsonAsync($"/api/v1/sessions/{sessionId}/attendance",
            new { records = records.Select(r => new { userId = LearnerId(r.Learner), status = r.Status }).ToArray() });
        response.StatusCode.Should().Be(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonObject> PostAsync(HttpClient by, string url, object body)
    {
        var response = await by.PostAsJsonAsync(url, body);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }
}
