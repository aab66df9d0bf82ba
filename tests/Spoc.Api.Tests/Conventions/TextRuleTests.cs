using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Cohorts;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Conventions;

/// <summary>
/// The text rule holds for every field of every request: single-line text is trimmed and refuses control characters,
/// bidirectional overrides and invisible-only values; multi-line text keeps its tabs and newlines and nothing else; passwords
/// are never touched.
/// </summary>
public sealed class TextRuleTests
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

    [TestCase("Evil\r\nBcc: x@evil.example", TestName = "A cohort title carrying a mail header is refused")]
    [TestCase("Cohorte\u202Egpj.exe", TestName = "A cohort title with a right-to-left override is refused")]
    [TestCase("Cohorte\u2066isolée\u2069", TestName = "A cohort title with a bidirectional isolate is refused")]
    [TestCase("Cohorte\tprintemps", TestName = "A cohort title with a tab is refused")]
    [TestCase("Cohorte\u0000", TestName = "A cohort title with a NUL is refused")]
    public async Task Single_line_text_refuses_control_and_bidi_characters(string title)
    {
        var body = JsonNode.Parse(JsonSerializerWeb(CohortWorld.CohortBody(_world.CourseId, organizationIds: [_world.OrganizationId])))!.AsObject();
        body["title"] = title;

        var problem = await (await _world.Trainer.PostAsJsonAsync("/api/v1/cohorts", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        problem["errors"]!.AsObject().Select(e => e.Key).Should().Equal("title");
    }

    [Test]
    public async Task Invisible_only_names_are_refused_wherever_they_are()
    {
        var cohortId = await _world.CohortAsync();

        var group = await (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/groups", new { name = "\u200B\u200D\uFEFF " })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        group["errors"]!.AsObject().Select(e => e.Key).Should().Equal("name");

        var course = await (await _world.Trainer.PostAsJsonAsync("/api/v1/courses", new { organizationId = _world.OrganizationId, title = "\u2060\u3164\u00AD", language = "fr" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        course["errors"]!.AsObject().Select(e => e.Key).Should().Equal("title");

        var register = await (await _factory.CreateClient().RegisterAsync(TestApi.UniqueEmail(), displayName: "\u200B")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        register["errors"]!.AsObject().Select(e => e.Key).Should().Equal("displayName");
    }

    [Test]
    public async Task Single_line_text_is_stored_trimmed()
    {
        var created = await _world.Trainer.PostAsJsonAsync("/api/v1/courses", new
        {
            organizationId = _world.OrganizationId, title = "\u200B  Gestion de projet \r\n", language = " fr ", competencies = new[] { new { code = " C1 ", title = " Planifier\t" } },
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<Guid>();

        var course = await (await _world.Trainer.GetAsync($"/api/v1/courses/{id}")).ReadJsonAsync();
        course["title"]!.GetValue<string>().Should().Be("Gestion de projet");
        course["language"]!.GetValue<string>().Should().Be("fr");
        course["competencies"]![0]!["code"]!.GetValue<string>().Should().Be("C1");
        course["competencies"]![0]!["title"]!.GetValue<string>().Should().Be("Planifier");
    }

    [Test]
    public async Task A_markdown_body_keeps_its_tabs_and_newlines_and_refuses_other_control_characters()
    {
        var courseId = (await (await _world.Trainer.PostAsJsonAsync("/api/v1/courses", new { organizationId = _world.OrganizationId, title = "Parcours", language = "fr" })).ReadJsonAsync())["id"]!.GetValue<Guid>();
        var sectionId = (await (await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/sections", new { title = "Semaine 1" })).ReadJsonAsync())["id"]!.GetValue<Guid>();
        object Lesson(string content) => new { sectionId, kind = "Lesson", title = "Leçon", content, offsetDays = 0, durationMinutes = 10 };

        var created = await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/activities", Lesson("\tIntroduction\r\n\n    code indenté\n\tfin\n"));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await created.ReadJsonAsync())["contentMarkdown"]!.GetValue<string>().Should().Be("\tIntroduction\n\n    code indenté\n\tfin\n", "only CRLF becomes LF");

        foreach (var bad in new[] { "Texte\u0007sonore", "Texte\u001B[31mrouge", "Texte\u202Eesrevni", "\u200B\u200B" })
        {
            var problem = await (await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{courseId}/activities", Lesson(bad))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
            problem["errors"]!.AsObject().Select(e => e.Key).Should().Equal(["activity.content"], bad);
        }
    }

    [Test]
    public async Task Text_nested_in_lists_and_maps_follows_the_rule()
    {
        var cohortId = await _world.CohortAsync();
        var (learner, _, _) = await _world.LearnerAsync();

        var bad = await learner.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/applications", new { motivation = "Motivé", answers = new Dictionary<string, string> { ["Expérience\nBcc: x"] = "3 ans" } });
        (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed"))["errors"]!.AsObject().Select(e => e.Key).Should().Equal("answers[0].key");

        var applied = await learner.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/applications", new
        {
            motivation = "Ligne 1\r\nLigne 2", answers = new Dictionary<string, string> { [" Expérience "] = "3 ans\r\nen PME" },
        });
        applied.StatusCode.Should().Be(HttpStatusCode.Created, await applied.Content.ReadAsStringAsync());
        var application = await applied.ReadJsonAsync();
        application["motivation"]!.GetValue<string>().Should().Be("Ligne 1\nLigne 2");
        application["answers"]!["Expérience"]!.GetValue<string>().Should().Be("3 ans\nen PME");
    }

    [Test]
    public async Task Passwords_are_never_trimmed_nor_checked_as_text()
    {
        var email = TestApi.UniqueEmail();
        var anonymous = _factory.CreateClient();
        const string password = "  Passw0rd avec espaces\t ";

        (await anonymous.RegisterAsync(email, password)).StatusCode.Should().Be(HttpStatusCode.Created);

        await anonymous.SignInAsync(email, password);
        (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password = password.Trim() })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static string JsonSerializerWeb(object value) => System.Text.Json.JsonSerializer.Serialize(value, TestApi.Web);
}
