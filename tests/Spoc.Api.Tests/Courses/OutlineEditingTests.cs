using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Cohorts;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Platform.Contracts;

namespace Spoc.Api.Tests.Courses;

/// <summary>Issue 16's authoring comfort: deletion with its impact, the whole-outline reorder, duplication.</summary>
public sealed class OutlineEditingTests
{
    private SpocApiFactory _factory = null!;
    private CohortWorld _world = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _world = await CohortWorld.CreateAsync(_factory);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task Deleting_a_section_says_first_what_it_takes_away_then_takes_its_activities_and_completions()
    {
        var courseId = await CourseAsync();
        var intro = await SectionAsync(courseId, "Introduction");
        var week = await SectionAsync(courseId, "Semaine 1");
        var last = await SectionAsync(courseId, "Conclusion");
        var a = await ActivityAsync(courseId, week, "Leçon A");
        var b = await ActivityAsync(courseId, week, "Leçon B");
        await ActivityAsync(courseId, intro, "Bienvenue");
        await PublishAsync(courseId);
        var cohortId = await StartedCohortAsync(courseId);
        var learners = await _world.LearnersAsync(2);
        await EnrolAsync(cohortId, learners.Select(l => l.Email).ToArray());
        foreach (var (client, activity) in new[] { (learners[0].Client, a), (learners[0].Client, b), (learners[1].Client, a) })
        {
            (await client.PostAsync($"/api/v1/cohorts/{cohortId}/activities/{activity}/completion", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var impact = await JsonAsync(_world.Trainer, $"/api/v1/courses/{courseId}/sections/{week}/impact");
        (impact["activities"]!.GetValue<int>(), impact["completions"]!.GetValue<int>(), impact["learners"]!.GetValue<int>()).Should().Be((2, 3, 2));
        var one = await JsonAsync(_world.Trainer, $"/api/v1/courses/{courseId}/activities/{b}/impact");
        (one["activities"]!.GetValue<int>(), one["completions"]!.GetValue<int>(), one["learners"]!.GetValue<int>()).Should().Be((1, 1, 1));

        var outline = await JsonAsync(_world.Trainer, $"/api/v1/courses/{courseId}/outline");
        var stale = outline["sections"]![1]!["etag"]!.GetValue<string>();
        (await _world.Trainer.PutAsJsonAsync($"/api/v1/courses/{courseId}/sections/{week}", new { title = "Semaine 1 : cadrer", position = 1 })).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await Send(HttpMethod.Delete, $"/api/v1/courses/{courseId}/sections/{week}", stale)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        var fresh = (await JsonAsync(_world.Trainer, $"/api/v1/courses/{courseId}/outline"))["sections"]![1]!["etag"]!.GetValue<string>();
        (await Send(HttpMethod.Delete, $"/api/v1/courses/{courseId}/sections/{week}", fresh)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        outline = await JsonAsync(_world.Trainer, $"/api/v1/courses/{courseId}/outline");
        outline["sections"]!.AsArray().Select(s => (s!["id"]!.GetValue<Guid>(), s["position"]!.GetValue<int>())).Should().Equal((intro, 0), (last, 1));
        var progress = await JsonAsync(_world.Trainer, $"/api/v1/cohorts/{cohortId}/progress");
        progress["activities"]!.AsArray().Should().HaveCount(1, "the section's activities went with it");
        await (await _world.Trainer.GetAsync($"/api/v1/courses/{courseId}/sections/{week}/impact")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _world.Trainer.DeleteAsync($"/api/v1/courses/{courseId}/sections/{week}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task Only_course_staff_delete_reorder_duplicate_or_read_an_impact_and_outsiders_learn_nothing()
    {
        var courseId = await CourseAsync();
        var section = await SectionAsync(courseId, "S1");
        var activity = await ActivityAsync(courseId, section, "Leçon");
        await PublishAsync(courseId);
        var (learner, _, _) = await _world.LearnerAsync();
        var (mentor, _, _) = (await _factory.PeopleAsync(1, "mentor", _world.OrganizationId, OrganizationRole.Mentor)).Single();
        var (orgAdmin, _, _) = (await _factory.PeopleAsync(1, "org-admin", _world.OrganizationId, OrganizationRole.OrgAdmin)).Single();
        var outsider = (await _factory.NewUserAsync("outsider")).Client;
        var order = new { sections = new[] { new { id = section, activityIds = new[] { activity } } } };

        Func<HttpClient, Task<HttpResponseMessage>>[] routes =
        [
            c => c.GetAsync($"/api/v1/courses/{courseId}/sections/{section}/impact"),
            c => c.GetAsync($"/api/v1/courses/{courseId}/activities/{activity}/impact"),
            c => c.PutAsJsonAsync($"/api/v1/courses/{courseId}/outline/order", order),
            c => c.PostAsync($"/api/v1/courses/{courseId}/duplicate", null),
            c => c.DeleteAsync($"/api/v1/courses/{courseId}/sections/{Guid.NewGuid()}"),
        ];
        foreach (var route in routes)
        {
            await (await route(learner)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
            await (await route(mentor)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
            await (await route(outsider)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
            (await route(orgAdmin)).StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.NotFound);
            (await route(_world.Trainer)).StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.NotFound);
        }

        (await orgAdmin.DeleteAsync($"/api/v1/courses/{courseId}/sections/{section}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _world.Trainer.GetAsync($"/api/v1/courses/{courseId}/activities/{activity}/impact")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task One_reorder_moves_sections_and_activities_across_sections_and_a_stale_order_is_refused()
    {
        var courseId = await CourseAsync();
        var s1 = await SectionAsync(courseId, "S1");
        var s2 = await SectionAsync(courseId, "S2");
        var a = await ActivityAsync(courseId, s1, "A");
        var b = await ActivityAsync(courseId, s1, "B");
        var c = await ActivityAsync(courseId, s2, "C");
        var read = await _world.Trainer.GetAsync($"/api/v1/courses/{courseId}/outline");
        var etag = (await read.ReadJsonAsync())["etag"]!.GetValue<string>();
        read.Headers.ETag!.Tag.Should().StartWith(etag.TrimEnd('"'), "the body's etag is the header's version");

        var order = new { sections = new[] { new { id = s2, activityIds = new[] { c, b } }, new { id = s1, activityIds = new[] { a } } } };
        var reordered = await Send(HttpMethod.Put, $"/api/v1/courses/{courseId}/outline/order", etag, order);
        reordered.StatusCode.Should().Be(HttpStatusCode.OK, await reordered.Content.ReadAsStringAsync());
        var outline = await reordered.ReadJsonAsync();
        outline["sections"]!.AsArray().Select(s => s!["title"]!.GetValue<string>()).Should().Equal("S2", "S1");
        Titles(outline, 0).Should().Equal("C", "B");
        Titles(outline, 1).Should().Equal("A");
        outline["sections"]![0]!["activities"]!.AsArray().Select(x => (x!["position"]!.GetValue<int>(), x["sectionId"]!.GetValue<Guid>())).Should().Equal((0, s2), (1, s2));

        await (await Send(HttpMethod.Put, $"/api/v1/courses/{courseId}/outline/order", etag, order)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        var missing = new { sections = new[] { new { id = s2, activityIds = new[] { c } }, new { id = s1, activityIds = new[] { a } } } };
        await (await _world.Trainer.PutAsJsonAsync($"/api/v1/courses/{courseId}/outline/order", missing)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "outline-changed");
        var invented = new { sections = new[] { new { id = s2, activityIds = new[] { c, b, Guid.NewGuid() } }, new { id = s1, activityIds = new[] { a } } } };
        await (await _world.Trainer.PutAsJsonAsync($"/api/v1/courses/{courseId}/outline/order", invented)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "outline-changed");
        var twice = new { sections = new[] { new { id = s2, activityIds = new[] { c, b } }, new { id = s1, activityIds = new[] { a, b } } } };
        (await (await _world.Trainer.PutAsJsonAsync($"/api/v1/courses/{courseId}/outline/order", twice)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed"))
            ["errors"]!.AsObject().Should().ContainKey("sections");
        foreach (var body in new[] { "{\"sections\":[null]}", "{\"sections\":[{\"id\":\"x\"}]}", "{\"sections\":", "{}" })
        {
            var bad = await _world.Trainer.PutAsync($"/api/v1/courses/{courseId}/outline/order", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            bad.StatusCode.Should().Be(HttpStatusCode.BadRequest, body);
        }
    }

    [Test]
    public async Task Two_concurrent_reorders_from_the_same_outline_do_not_both_win()
    {
        var courseId = await CourseAsync();
        var s1 = await SectionAsync(courseId, "S1");
        var s2 = await SectionAsync(courseId, "S2");
        var s3 = await SectionAsync(courseId, "S3");
        var etag = (await JsonAsync(_world.Trainer, $"/api/v1/courses/{courseId}/outline"))["etag"]!.GetValue<string>();
        object Order(params Guid[] ids) => new { sections = ids.Select(id => new { id, activityIds = Array.Empty<Guid>() }) };

        var answers = await Task.WhenAll(
            Send(HttpMethod.Put, $"/api/v1/courses/{courseId}/outline/order", etag, Order(s3, s1, s2)),
            Send(HttpMethod.Put, $"/api/v1/courses/{courseId}/outline/order", etag, Order(s2, s3, s1)));
        answers.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        answers.Single(r => r.StatusCode != HttpStatusCode.OK).StatusCode.Should().BeOneOf(HttpStatusCode.PreconditionFailed, HttpStatusCode.Conflict);
    }

    [Test]
    public async Task An_activity_added_while_a_reorder_runs_never_shares_a_place_with_another()
    {
        for (var round = 0; round < 4; round++)
        {
            var courseId = await CourseAsync();
            var s1 = await SectionAsync(courseId, "S1");
            var s2 = await SectionAsync(courseId, "S2");
            var a = await ActivityAsync(courseId, s1, "A");
            var b = await ActivityAsync(courseId, s1, "B");
            var c = await ActivityAsync(courseId, s2, "C");
            var etag = (await JsonAsync(_world.Trainer, $"/api/v1/courses/{courseId}/outline"))["etag"]!.GetValue<string>();
            var order = new { sections = new[] { new { id = s1, activityIds = new[] { a, b, c } }, new { id = s2, activityIds = Array.Empty<Guid>() } } };

            var answers = await Task.WhenAll(
                Send(HttpMethod.Put, $"/api/v1/courses/{courseId}/outline/order", etag, order),
                _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/activities",
                    new { sectionId = s1, kind = "Lesson", title = "N", content = "N", offsetDays = 0, durationMinutes = 10 }));
            answers.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.Created
                || r.StatusCode == HttpStatusCode.Conflict || r.StatusCode == HttpStatusCode.PreconditionFailed);

            var outline = await JsonAsync(_world.Trainer, $"/api/v1/courses/{courseId}/outline");
            foreach (var section in outline["sections"]!.AsArray())
            {
                section!["activities"]!.AsArray().Select(x => x!["position"]!.GetValue<int>()).Should().BeEquivalentTo(
                    Enumerable.Range(0, section["activities"]!.AsArray().Count), "round {0}: each place once", round);
            }
        }
    }

    [Test]
    public async Task Duplicating_copies_the_course_into_a_draft_reading_it_in_a_constant_number_of_statements()
    {
        var small = await FilledCourseAsync(sections: 1, activitiesPerSection: 2);
        var large = await FilledCourseAsync(sections: 6, activitiesPerSection: 8);
        _ = await DuplicateAsync(small);
        _factory.Queries.Reset();
        var copyOfSmall = await DuplicateAsync(small);
        var smallCount = _factory.Queries.Count;
        _factory.Queries.Reset();
        var copyOfLarge = await DuplicateAsync(large);
        // The reads do not grow with the course; the inserts go in one save, one statement per row on SQLite (which EF
        // does not batch), batched on SQL Server: 54 rows for the large course against 3 for the small one.
        _factory.Queries.Count.Should().Be(smallCount + ((6 + 48) - (1 + 2)));

        var created = await _world.Trainer.PostAsync($"/api/v1/courses/{large}/duplicate", null);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.Location!.ToString().Should().Be($"/api/v1/courses/{(await created.ReadJsonAsync())["id"]}");

        var copy = await JsonAsync(_world.Trainer, $"/api/v1/courses/{copyOfLarge}");
        copy["title"]!.GetValue<string>().Should().Be("Parcours (copie)");
        copy["isPublished"]!.GetValue<bool>().Should().BeFalse();
        copy["organizationId"]!.GetValue<Guid>().Should().Be(_world.OrganizationId);
        copy["competencies"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).Should().Equal("C1");
        var original = await JsonAsync(_world.Trainer, $"/api/v1/courses/{large}/outline");
        var copied = await JsonAsync(_world.Trainer, $"/api/v1/courses/{copyOfLarge}/outline");
        Shape(copied).Should().Equal(Shape(original));
        copied["sections"]!.AsArray().SelectMany(s => s!["activities"]!.AsArray()).Select(a => a!["id"]!.GetValue<Guid>())
            .Should().NotIntersectWith(original["sections"]!.AsArray().SelectMany(s => s!["activities"]!.AsArray()).Select(a => a!["id"]!.GetValue<Guid>()));
        copyOfSmall.Should().NotBe(small);

        static IEnumerable<string> Shape(JsonObject outline) => outline["sections"]!.AsArray().SelectMany(s =>
            s!["activities"]!.AsArray().Select(a => $"{s["title"]}/{s["position"]}/{a!["title"]}/{a["position"]}/{a["kind"]}/{a["contentHtml"]}/{a["offsetDays"]}/{string.Join(",", a["competencyCodes"]!.AsArray())}"));
    }

    private async Task<Guid> FilledCourseAsync(int sections, int activitiesPerSection)
    {
        var courseId = await CourseAsync();
        for (var s = 0; s < sections; s++)
        {
            var section = await SectionAsync(courseId, $"Semaine {s + 1}");
            for (var a = 0; a < activitiesPerSection; a++)
            {
                await ActivityAsync(courseId, section, $"Leçon {s + 1}.{a + 1}");
            }
        }

        return courseId;
    }

    private async Task<Guid> DuplicateAsync(Guid courseId)
    {
        var response = await _world.Trainer.PostAsync($"/api/v1/courses/{courseId}/duplicate", null);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    private async Task<Guid> CourseAsync()
    {
        var response = await _world.Trainer.PostAsJsonAsync("/api/v1/courses", new { organizationId = _world.OrganizationId, title = "Parcours", language = "fr", competencies = new[] { new { code = "C1", title = "Planifier" } } });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    private async Task PublishAsync(Guid courseId) =>
        (await _world.Trainer.PutAsJsonAsync($"/api/v1/courses/{courseId}", new { title = "Parcours", language = "fr", competencies = new[] { new { code = "C1", title = "Planifier" } }, isPublished = true }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

    private async Task<Guid> SectionAsync(Guid courseId, string title)
    {
        var response = await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/sections", new { title });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    private async Task<Guid> ActivityAsync(Guid courseId, Guid sectionId, string title)
    {
        var response = await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/activities",
            new { sectionId, kind = "Lesson", title, content = $"*{title}*", offsetDays = 0, durationMinutes = 10, competencyCodes = new[] { "C1" } });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    /// <summary>An organisation-enrolment cohort that started yesterday, with no application window at all (issue 16).</summary>
    private async Task<Guid> StartedCohortAsync(Guid courseId)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var response = await _world.Trainer.PostAsJsonAsync("/api/v1/cohorts", new
        {
            courseId, title = "Cohorte entreprise", capacity = 10, startsOn = today.AddDays(-1).ToString("yyyy-MM-dd"), endsOn = today.AddDays(60).ToString("yyyy-MM-dd"),
            admissionMode = "OrganizationEnrollment", organizationIds = new[] { _world.OrganizationId }, timeZone = "Europe/Paris",
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    private async Task EnrolAsync(Guid cohortId, params string[] emails) =>
        (await (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/enrolments", new { emails })).ReadJsonAsync())["enrolled"]!.GetValue<int>().Should().Be(emails.Length);

    private static async Task<JsonObject> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static IEnumerable<string> Titles(JsonObject outline, int section) =>
        outline["sections"]![section]!["activities"]!.AsArray().Select(a => a!["title"]!.GetValue<string>());

    private Task<HttpResponseMessage> Send(HttpMethod method, string url, string ifMatch, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return _world.Trainer.SendAsync(request);
    }
}
