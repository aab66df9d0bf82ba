using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Cohorts;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Courses;

public sealed class AuthoringTests
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
    public async Task A_trainer_builds_and_orders_a_course_that_learners_see_once_published()
    {
        var courseId = await NewCourseAsync();
        var week1 = await SectionAsync(courseId, "Semaine 1");
        var week0 = await SectionAsync(courseId, "Avant de commencer", position: 0);
        var lesson = await ActivityAsync(courseId, new { sectionId = week1, kind = "Lesson", title = "Le cadrage", content = "# Cadrer\n\nUn **projet** bien cadré.", offsetDays = 0, durationMinutes = 30, competencyCodes = new[] { "c1" } });
        var video = await ActivityAsync(courseId, new { sectionId = week1, kind = "Video", title = "Témoignage", url = "https://video.example/v/42", offsetDays = 2, durationMinutes = 12 });
        var prep = await ActivityAsync(courseId, new { sectionId = week1, kind = "Preparation", title = "À préparer avant la classe virtuelle", content = "Lisez le cas.", offsetDays = 3, dueOffsetDays = 6, durationMinutes = 45, position = 0 });

        var outline = await OutlineAsync(_world.Trainer, courseId);
        outline["sections"]!.AsArray().Select(s => s!["title"]!.GetValue<string>()).Should().Equal("Avant de commencer", "Semaine 1");
        Titles(outline, 1).Should().Equal("À préparer avant la classe virtuelle", "Le cadrage", "Témoignage");
        var cadrage = outline["sections"]![1]!["activities"]![1]!;
        cadrage["contentHtml"]!.GetValue<string>().Should().Contain("<strong>projet</strong>");
        cadrage["competencyCodes"]!.AsArray().Select(c => c!.GetValue<string>()).Should().Equal("C1");

        var moved = await _world.Trainer.PutAsJsonAsync($"/api/v1/courses/{courseId}/activities/{video}", new { sectionId = week0, kind = "Video", title = "Témoignage", url = "https://video.example/v/42", offsetDays = 0, durationMinutes = 12 });
        moved.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _world.Trainer.DeleteAsync($"/api/v1/courses/{courseId}/activities/{prep}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        outline = await OutlineAsync(_world.Trainer, courseId);
        Titles(outline, 0).Should().Equal("Témoignage");
        Titles(outline, 1).Should().Equal("Le cadrage");
        outline["sections"]![1]!["activities"]![0]!["position"]!.GetValue<int>().Should().Be(0);

        var (learner, _, _) = await _world.LearnerAsync();
        await (await learner.GetAsync($"/api/v1/courses/{courseId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await learner.GetAsync($"/api/v1/courses/{courseId}/outline")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        var read = await _world.Trainer.GetAsync($"/api/v1/courses/{courseId}");
        var published = await Put(courseId, new { title = "Conduite de projet", language = "fr", competencies = new[] { new { code = "C1", title = "Planifier" } }, isPublished = true }, read.Headers.ETag!.Tag);
        published.StatusCode.Should().Be(HttpStatusCode.OK);
        await (await Put(courseId, new { title = "Stale", language = "fr", competencies = new[] { new { code = "C1", title = "Planifier" } }, isPublished = true }, read.Headers.ETag!.Tag))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");

        var plan = await OutlineAsync(learner, courseId);
        Titles(plan, 1).Should().Equal("Le cadrage");
        plan["sections"]![1]!["activities"]![0]!["contentHtml"]!.GetValue<string>().Should().BeEmpty("learners read content through their cohort's schedule, once released");
        await (await learner.PostAsJsonAsync($"/api/v1/courses/{courseId}/activities", new { sectionId = week1, kind = "Lesson", title = "x", offsetDays = 0, durationMinutes = 1 }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var outsider = (await _factory.NewUserAsync("outsider")).Client;
        await (await outsider.GetAsync($"/api/v1/courses/{courseId}/outline")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task Markdown_is_rendered_and_every_script_vector_is_neutralised()
    {
        var courseId = await NewCourseAsync();
        var section = await SectionAsync(courseId, "Sécurité");
        const string hostile = "Bonjour <script>alert('xss')</script>\n\n<img src=x onerror=alert(1)>\n\n[cliquez](javascript:alert(1))\n\n"
            + "<svg onload=alert(1)><circle/></svg>\n\n<a href=\"javascript:alert(2)\">lien</a> <iframe src=\"https://evil.example\"></iframe>\n\n"
            + "![img](javascript:alert(3)) [ok](https://spoc.example/doc)";

        await ActivityAsync(courseId, new { sectionId = section, kind = "Lesson", title = "Piège", content = hostile, offsetDays = 0, durationMinutes = 5 });

        var html = (await OutlineAsync(_world.Trainer, courseId))["sections"]![0]!["activities"]![0]!["contentHtml"]!.GetValue<string>();
        // Parsed as a browser would: what matters is which elements and attributes exist, not what text is shown.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var elements = document.Body!.QuerySelectorAll("*");
        elements.Select(e => e.LocalName).Should().NotContain(["script", "svg", "iframe", "object", "embed"]);
        elements.SelectMany(e => e.Attributes).Should().NotContain(a => a.Name.StartsWith("on"));
        elements.SelectMany(e => e.Attributes).Where(a => a.Name is "href" or "src").Should().OnlyContain(a => a.Value.StartsWith("https://"));
        document.QuerySelector("a[href='https://spoc.example/doc']")!.GetAttribute("rel").Should().Be("noopener noreferrer nofollow");
        document.Body.TextContent.Should().Contain("Bonjour").And.Contain("<script>alert('xss')</script>", "raw HTML is shown as text, never run");
    }

    [Test]
    public async Task Activity_input_is_checked_against_the_course()
    {
        var courseId = await NewCourseAsync();
        var otherCourse = await NewCourseAsync();
        var section = await SectionAsync(courseId, "S1");
        var foreignSection = await SectionAsync(otherCourse, "S1");

        var problem = await (await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/activities",
                new { sectionId = section, kind = "Video", title = "Sans lien", offsetDays = 5, dueOffsetDays = 2, durationMinutes = 2000 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        problem["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["activity.url", "activity.dueOffsetDays", "activity.durationMinutes"]);

        var unknown = await (await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/activities",
                new { sectionId = section, kind = "Lesson", title = "x", offsetDays = 0, durationMinutes = 5, competencyCodes = new[] { "Z9" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        unknown["errors"]!.AsObject().Should().ContainKey("competencyCodes");

        var foreign = await (await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/activities",
                new { sectionId = foreignSection, kind = "Lesson", title = "x", offsetDays = 0, durationMinutes = 5 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        foreign["errors"]!.AsObject().Should().ContainKey("sectionId");

        await (await _world.Trainer.PostAsync($"/api/v1/courses/{courseId}/activities", TestApi.Json("{\"sectionId\":\"" + section + "\",\"kind\":\"Podcast\",\"title\":\"x\",\"offsetDays\":0,\"durationMinutes\":1}")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
    }

    [Test]
    public async Task A_competency_used_by_an_activity_cannot_be_removed()
    {
        var courseId = await NewCourseAsync();
        var section = await SectionAsync(courseId, "S1");
        await ActivityAsync(courseId, new { sectionId = section, kind = "Lesson", title = "x", offsetDays = 0, durationMinutes = 5, competencyCodes = new[] { "C1" } });

        await (await Put(courseId, new { title = "T", language = "fr", competencies = Array.Empty<object>(), isPublished = false }, "*"))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "competency-in-use");
    }

    private async Task<Guid> NewCourseAsync()
    {
        var response = await _world.Trainer.PostAsJsonAsync("/api/v1/courses", new { organizationId = _world.OrganizationId, title = "Conduite de projet", language = "fr", competencies = new[] { new { code = "C1", title = "Planifier" } } });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync())["isPublished"]!.GetValue<bool>().Should().BeFalse();
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    private async Task<Guid> SectionAsync(Guid courseId, string title, int? position = null)
    {
        var response = await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/sections", new { title, position });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    private async Task<Guid> ActivityAsync(Guid courseId, object body)
    {
        var response = await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/activities", body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    private static async Task<JsonObject> OutlineAsync(HttpClient client, Guid courseId)
    {
        var response = await client.GetAsync($"/api/v1/courses/{courseId}/outline");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static IEnumerable<string> Titles(JsonObject outline, int section) =>
        outline["sections"]![section]!["activities"]!.AsArray().Select(a => a!["title"]!.GetValue<string>());

    private Task<HttpResponseMessage> Put(Guid courseId, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/courses/{courseId}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return _world.Trainer.SendAsync(request);
    }
}
