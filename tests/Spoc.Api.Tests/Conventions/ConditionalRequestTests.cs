using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Spoc.Api.Tests.Cohorts;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Conventions;

/// <summary>
/// Every mutable resource: its ETag, 412 for a stale <c>If-Match</c>, one winner when two writers race with the same tag,
/// and 304 for a GET whose <c>If-None-Match</c> still matches.
/// </summary>
public sealed class ConditionalRequestTests
{
    private SpocApiFactory _factory = null!;
    private CohortWorld _world = null!;
    private Dictionary<string, Func<Task<Resource>>> _resources = null!;

    /// <summary>A resource to update: how to read its current ETag, and two different updates (a stale tag must refuse either).</summary>
    public sealed record Resource(Func<Task<string>> CurrentETag, Func<string?, int, Task<HttpResponseMessage>> Update);

    public static readonly string[] Kinds = ["section", "activity", "pacing", "mentor", "cohort", "course"];

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _world = await CohortWorld.CreateAsync(_factory);
        _resources = new()
        {
            ["section"] = SectionAsync,
            ["activity"] = ActivityAsync,
            ["pacing"] = PacingAsync,
            ["mentor"] = MentorAsync,
            ["cohort"] = CohortAsync,
            ["course"] = CourseAsync,
        };
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [TestCaseSource(nameof(Kinds))]
    public async Task A_stale_If_Match_is_412_and_the_current_one_succeeds_with_a_new_ETag(string kind)
    {
        var resource = await _resources[kind]();
        var read = await resource.CurrentETag();
        read.Should().MatchRegex("^\"[0-9a-f]{32}(-[0-9a-f]{16})?\"$");

        var first = await resource.Update(read, 1);
        first.IsSuccessStatusCode.Should().BeTrue(await first.Content.ReadAsStringAsync());
        var written = first.Headers.ETag!.Tag;
        Version(written).Should().NotBe(Version(read));
        Version(await resource.CurrentETag()).Should().Be(Version(written), "the version a write returns is the one a later read returns");

        await (await resource.Update(read, 2)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        (await resource.Update(written, 2)).IsSuccessStatusCode.Should().BeTrue();
    }

    [TestCaseSource(nameof(Kinds))]
    public async Task Two_writers_racing_with_the_same_tag_get_one_success_and_one_412(string kind)
    {
        var resource = await _resources[kind]();
        var tag = await resource.CurrentETag();

        var responses = await Task.WhenAll(resource.Update(tag, 1), resource.Update(tag, 2));

        var bodies = string.Join("\n", await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync())));
        responses.Count(r => r.IsSuccessStatusCode).Should().Be(1, bodies);
        var loser = responses.Single(r => !r.IsSuccessStatusCode);
        await loser.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
    }

    [Test]
    public async Task Deleting_an_activity_changed_since_it_was_read_is_412()
    {
        var sectionId = (await (await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{_world.CourseId}/sections", new { title = "À supprimer" })).ReadJsonAsync())["id"]!.GetValue<Guid>();
        var created = await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{_world.CourseId}/activities", new { sectionId, kind = "Lesson", title = "Leçon", offsetDays = 0, durationMinutes = 5 });
        var url = created.Headers.Location!.ToString();
        var read = created.Headers.ETag!.Tag;
        var edited = await Send(HttpMethod.Put, url, new { sectionId, kind = "Lesson", title = "Leçon revue", offsetDays = 0, durationMinutes = 5 }, read);

        await (await Delete(url, read)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        (await Delete(url, edited.Headers.ETag!.Tag)).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Test]
    public async Task A_change_the_version_does_not_track_still_changes_the_ETag_so_no_stale_304()
    {
        var cohortId = await _world.CohortAsync();
        var url = $"/api/v1/cohorts/{cohortId}";
        var before = (await _world.Trainer.GetAsync(url)).Headers.ETag!.Tag;
        var (learner, _, _) = await _world.LearnerAsync();
        (await _world.DecideAsync(cohortId, await CohortWorld.ApplyAsync(learner, cohortId), "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);

        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", before);
        var after = await _world.Trainer.SendAsync(request);

        after.StatusCode.Should().Be(HttpStatusCode.OK, "a seat was taken: the representation changed");
        (await after.ReadJsonAsync())["seatsTaken"]!.GetValue<int>().Should().Be(1);
        after.Headers.ETag!.Tag.Should().NotBe(before);
        Version(after.Headers.ETag.Tag).Should().Be(Version(before), "the cohort's settings did not change: an If-Match on them still holds");
    }

    [Test]
    public async Task A_GET_whose_If_None_Match_still_matches_is_304_with_the_same_ETag_and_no_body()
    {
        var cohortId = await _world.CohortAsync();
        var url = $"/api/v1/cohorts/{cohortId}";
        var first = await _world.Trainer.GetAsync(url);
        var etag = first.Headers.ETag!.Tag;

        foreach (var ifNoneMatch in new[] { etag, "W/" + etag, "\"other\", " + etag, "*" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            var again = await _world.Trainer.SendAsync(request);
            again.StatusCode.Should().Be(HttpStatusCode.NotModified, ifNoneMatch);
            again.Headers.ETag!.Tag.Should().Be(etag);
            (await again.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        }

        var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.TryAddWithoutValidation("If-None-Match", "\"0123\"");
        (await _world.Trainer.SendAsync(stale)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase("cohort")]
    [TestCase("course")]
    [TestCase("organization")]
    [TestCase("pacing")]
    public async Task Every_versioned_GET_answers_304_while_unchanged(string kind)
    {
        var url = kind switch
        {
            "course" => $"/api/v1/courses/{_world.CourseId}",
            "organization" => $"/api/v1/organizations/{_world.OrganizationId}",
            "pacing" => await PacingUrlAsync(),
            _ => $"/api/v1/cohorts/{await _world.CohortAsync()}",
        };
        var etag = (await _world.Trainer.GetAsync(url)).Headers.ETag!.Tag;
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);

        var response = await _world.Trainer.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
        response.Headers.ETag!.Tag.Should().Be(etag);
    }

    private async Task<Resource> SectionAsync()
    {
        var created = await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{_world.CourseId}/sections", new { title = "Semaine" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var section = await created.ReadJsonAsync();
        Version(section["etag"]!.GetValue<string>()).Should().Be(Version(created.Headers.ETag!.Tag), "the outline carries the version If-Match expects");
        var url = $"/api/v1/courses/{_world.CourseId}/sections/{section["id"]}";
        return new Resource(
            async () => (await OutlineAsync()).Single(s => s!["id"]!.GetValue<Guid>() == section["id"]!.GetValue<Guid>())!["etag"]!.GetValue<string>(),
            (ifMatch, n) => Send(HttpMethod.Put, url, new { title = $"Semaine {n}", position = 0 }, ifMatch));
    }

    private async Task<Resource> ActivityAsync()
    {
        var sectionId = (await (await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{_world.CourseId}/sections", new { title = "Activités" })).ReadJsonAsync())["id"]!.GetValue<Guid>();
        var created = await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{_world.CourseId}/activities", new { sectionId, kind = "Lesson", title = "Leçon", offsetDays = 0, durationMinutes = 5 });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();
        var url = $"/api/v1/courses/{_world.CourseId}/activities/{id}";
        return new Resource(
            async () => (await OutlineAsync()).SelectMany(s => s!["activities"]!.AsArray()).Single(a => a!["id"]!.GetValue<Guid>() == id)!["etag"]!.GetValue<string>(),
            (ifMatch, n) => Send(HttpMethod.Put, url, new { sectionId, kind = "Lesson", title = $"Leçon {n}", offsetDays = n, durationMinutes = 5 }, ifMatch));
    }

    private async Task<Resource> PacingAsync()
    {
        var url = await PacingUrlAsync();
        return new Resource(
            async () => (await _world.Trainer.GetAsync(url)).Headers.ETag!.Tag,
            (ifMatch, n) => Send(HttpMethod.Put, url, new { shifts = new[] { new { activityId = (Guid?)null, days = n } } }, ifMatch));
    }

    private async Task<Resource> MentorAsync()
    {
        var cohortId = await _world.CohortAsync(capacity: 5);
        var mentors = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var (_, mentorId, mentorEmail) = await _factory.NewUserAsync("mentor");
            await _world.Admin.AddMemberAsync(_world.OrganizationId, mentorEmail, "Mentor");
            (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/members", new { email = mentorEmail, role = "Mentor" })).StatusCode.Should().Be(HttpStatusCode.Created);
            mentors.Add(mentorId);
        }

        var (learner, learnerId, _) = await _world.LearnerAsync();
        (await _world.DecideAsync(cohortId, await CohortWorld.ApplyAsync(learner, cohortId), "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);
        return new Resource(
            async () => (await (await _world.Trainer.GetAsync($"/api/v1/cohorts/{cohortId}/members?role=Learner")).ReadJsonAsync())["items"]!.AsArray()
                .Single(m => m!["userId"]!.GetValue<Guid>() == learnerId)!["etag"]!.GetValue<string>(),
            (ifMatch, n) => Send(HttpMethod.Put, $"/api/v1/cohorts/{cohortId}/members/{learnerId}/mentor", new { mentorId = mentors[n - 1] }, ifMatch));
    }

    private async Task<Resource> CohortAsync()
    {
        var url = $"/api/v1/cohorts/{await _world.CohortAsync()}";
        return new Resource(
            async () => (await _world.Trainer.GetAsync(url)).Headers.ETag!.Tag,
            async (ifMatch, n) =>
            {
                var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(CohortWorld.CohortBody(_world.CourseId), TestApi.Web))!.AsObject();
                body["title"] = $"Cohorte {n}";
                return await Send(HttpMethod.Put, url, body, ifMatch);
            });
    }

    private async Task<Resource> CourseAsync()
    {
        var created = await _world.Trainer.PostAsJsonAsync("/api/v1/courses", new { organizationId = _world.OrganizationId, title = "Cours", language = "fr" });
        var url = created.Headers.Location!.ToString();
        return new Resource(
            async () => (await _world.Trainer.GetAsync(url)).Headers.ETag!.Tag,
            (ifMatch, n) => Send(HttpMethod.Put, url, new { title = $"Cours {n}", language = "fr", isPublished = false }, ifMatch));
    }

    private async Task<string> PacingUrlAsync()
    {
        var start = DateTime.UtcNow.Date.AddDays(-3);
        var cohort = await _world.Trainer.PostAsJsonAsync("/api/v1/cohorts", new
        {
            courseId = _world.CourseId, title = "Cohorte", capacity = 5, startsOn = start.ToString("yyyy-MM-dd"), endsOn = start.AddDays(90).ToString("yyyy-MM-dd"),
            applicationsOpenAt = start.AddDays(-30), applicationsCloseAt = start.AddDays(-2), admissionMode = "OrganizationEnrollment",
            organizationIds = new[] { _world.OrganizationId }, timeZone = "Europe/Paris",
        });
        cohort.StatusCode.Should().Be(HttpStatusCode.Created, await cohort.Content.ReadAsStringAsync());
        var cohortId = (await cohort.ReadJsonAsync())["id"]!.GetValue<Guid>();
        var (_, learnerId, email) = await _world.LearnerAsync();
        (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/enrolments", new { emails = new[] { email } })).StatusCode.Should().Be(HttpStatusCode.OK);
        return $"/api/v1/cohorts/{cohortId}/members/{learnerId}/pacing";
    }

    /// <summary>The part of an ETag that If-Match checks.</summary>
    private static string Version(string etag) => etag.Substring(1, 32);

    private async Task<System.Text.Json.Nodes.JsonArray> OutlineAsync() =>
        (await (await _world.Trainer.GetAsync($"/api/v1/courses/{_world.CourseId}/outline")).ReadJsonAsync())["sections"]!.AsArray();

    private Task<HttpResponseMessage> Delete(string url, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return _world.Trainer.SendAsync(request);
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return _world.Trainer.SendAsync(request);
    }
}
