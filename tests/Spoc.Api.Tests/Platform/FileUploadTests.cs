using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Platform;

public sealed class FileUploadTests
{
    private SpocApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new SpocApiFactory();

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [TestCase("notes.txt", "Bonjour <script>alert(document.cookie)</script>")]
    [TestCase("page.md", "# Titre\n\n<IFRAME src=\"https://evil.example\"></iframe>")]
    [TestCase("image.md", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [TestCase("data.csv", "<!DocType html><p>a,b</p>")]
    [TestCase("feed.txt", "<?xml version=\"1.0\"?><x/>")]
    public async Task Text_files_holding_markup_are_refused(string fileName, string text) =>
        await (await UploadAsync(await UploaderAsync(), fileName, Encoding.UTF8.GetBytes(text))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "markup-not-allowed");

    [Test]
    public async Task The_whole_text_file_is_read_not_a_sample_of_its_start()
    {
        var uploader = await UploaderAsync();
        // Far past the first 8 KB, and wherever it falls against the 16 K characters read at a time.
        for (var offset = 16_376; offset <= 16_400; offset++)
        {
            var late = Encoding.UTF8.GetBytes(new string('a', offset) + "<script>alert(1)</script>");
            await (await UploadAsync(uploader, "long.txt", late)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "markup-not-allowed");
        }

        var nulLate = Encoding.UTF8.GetBytes(new string('a', 20_000) + "\0");
        await (await UploadAsync(uploader, "binary.txt", nulLate)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-file-type");

        var prose = Encoding.UTF8.GetBytes("# Cours\n\nSi a < b et b > c, alors... <br> n'est pas du HTML rendu ici. Ça marche.\n" + new string('é', 10_000));
        (await UploadAsync(uploader, "cours.md", prose)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Test]
    public async Task The_location_of_an_upload_answers_its_uploader_and_nobody_else()
    {
        var uploader = await UploaderAsync();
        var uploaded = await UploadAsync(uploader, "plan.pdf", "%PDF-1.7\n%%EOF"u8.ToArray());
        uploaded.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = await uploaded.ReadJsonAsync();

        var followed = await uploader.GetAsync(uploaded.Headers.Location);
        followed.StatusCode.Should().Be(HttpStatusCode.OK);
        System.Text.Json.Nodes.JsonNode.DeepEquals(await followed.ReadJsonAsync(), created).Should().BeTrue();

        await (await (await UploaderAsync()).GetAsync(uploaded.Headers.Location)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await uploader.GetAsync($"/api/v1/files/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    private async Task<HttpClient> UploaderAsync() => (await _factory.NewUserAsync("uploader")).Client;

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PostAsync("/api/v1/files", new MultipartFormDataContent { { content, "file", fileName } });
    }
}
