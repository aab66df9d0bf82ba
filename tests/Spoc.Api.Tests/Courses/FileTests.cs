using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AwesomeAssertions;
using Spoc.Api.Tests.Cohorts;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Courses;

public sealed class FileTests
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"u8.ToArray();
    // A valid PDF signature, then a page with a script: a browser sniffing it as HTML would run the script in our origin.
    private static readonly byte[] Polyglot = [.. Pdf, .. "\n<html><body><script>fetch('/api/v1/me')</script></body></html>"u8];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private SpocApiFactory _factory = null!;
    private CohortWorld _world = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory(new Dictionary<string, string?> { ["Files:MaxBytes"] = "4096" });
        _world = await CohortWorld.CreateAsync(_factory);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task Size_and_type_are_checked_by_extension_and_by_content()
    {
        var ok = await UploadAsync(_world.Trainer, "support.pdf", Pdf);
        ok.StatusCode.Should().Be(HttpStatusCode.Created, await ok.Content.ReadAsStringAsync());
        var body = await ok.ReadJsonAsync();
        body["contentType"]!.GetValue<string>().Should().Be("application/pdf");
        body["size"]!.GetValue<long>().Should().Be(Pdf.Length);

        await (await UploadAsync(_world.Trainer, "big.pdf", [.. Pdf, .. new byte[5000]])).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        await (await UploadAsync(_world.Trainer, "disguised.pdf", Png)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-file-type");
        await (await UploadAsync(_world.Trainer, "tool.exe", "MZ\u0090\0"u8.ToArray())).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-file-type");
        await (await UploadAsync(_world.Trainer, "notes.txt", [0x41, 0x00, 0x42])).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-file-type");
        (await UploadAsync(_world.Trainer, "notes.md", "# Notes\nÉté, œuvre"u8.ToArray())).StatusCode.Should().Be(HttpStatusCode.Created);
        await (await _factory.CreateClient().PostAsync("/api/v1/files", Form("a.pdf", Pdf))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task A_resource_file_is_served_as_an_attachment_to_the_cohort_only()
    {
        var fileId = (await (await UploadAsync(_world.Trainer, "plan de cours.pdf", Polyglot)).ReadJsonAsync())["fileId"]!.GetValue<Guid>();
        var course = (await (await _world.Trainer.PostAsJsonAsync("/api/v1/courses", new { organizationId = _world.OrganizationId, title = "Avec PDF", language = "fr" })).ReadJsonAsync())["id"]!.GetValue<Guid>();
        var section = (await (await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{course}/sections", new { title = "S1" })).ReadJsonAsync())["id"]!.GetValue<Guid>();
        var added = await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{course}/activities", new { sectionId = section, kind = "Resource", title = "Plan de cours", fileId, offsetDays = 0, durationMinutes = 10 });
        added.StatusCode.Should().Be(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var activityId = (await added.ReadJsonAsync())["id"]!.GetValue<Guid>();
        (await _world.Trainer.PutAsJsonAsync($"/api/v1/courses/{course}", new { title = "Avec PDF", language = "fr", isPublished = true })).StatusCode.Should().Be(HttpStatusCode.OK);

        var start = DateTime.UtcNow.Date.AddDays(-1);
        var cohort = (await (await _world.Trainer.PostAsJsonAsync("/api/v1/cohorts", new
        {
            courseId = course, title = "C", capacity = 5, startsOn = start.ToString("yyyy-MM-dd"), endsOn = start.AddDays(30).ToString("yyyy-MM-dd"),
            applicationsOpenAt = start.AddDays(-10), applicationsCloseAt = start.AddDays(-2), admissionMode = "OrganizationEnrollment",
            organizationIds = new[] { _world.OrganizationId }, timeZone = "Europe/Paris",
        })).ReadJsonAsync())["id"]!.GetValue<Guid>();
        var (learner, _, email) = await _world.LearnerAsync();
        (await _world.Trainer.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/enrolments", new { emails = new[] { email } })).StatusCode.Should().Be(HttpStatusCode.OK);

        var schedule = await (await learner.GetAsync($"/api/v1/cohorts/{cohort}/schedule")).ReadJsonAsync();
        schedule["activities"]![0]!["hasFile"]!.GetValue<bool>().Should().BeTrue();

        var download = await learner.GetAsync($"/api/v1/cohorts/{cohort}/activities/{activityId}/file");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(Polyglot);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.Should().Be("plan de cours.pdf");
        download.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        download.Headers.GetValues("Content-Security-Policy").Should().Equal("default-src 'none'; frame-ancestors 'none'; sandbox");

        var (outsider, _, _) = await _world.LearnerAsync(await _world.Admin.CreateOrganizationAsync());
        await (await outsider.GetAsync($"/api/v1/cohorts/{cohort}/activities/{activityId}/file")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        // Someone else's upload cannot be attached to an activity.
        var (stranger, _, _) = await _factory.NewUserAsync("stranger");
        var theirs = (await (await UploadAsync(stranger, "x.pdf", Pdf)).ReadJsonAsync())["fileId"]!.GetValue<Guid>();
        var refused = await (await _world.Trainer.PostAsJsonAsync($"/api/v1/courses/{course}/activities", new { sectionId = section, kind = "Resource", title = "Vol", fileId = theirs, offsetDays = 0, durationMinutes = 1 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        refused["errors"]!.AsObject().Should().ContainKey("fileId");
    }

    private static MultipartFormDataContent Form(string fileName, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { content, "file", fileName } };
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] bytes) => client.PostAsync("/api/v1/files", Form(fileName, bytes));
}
