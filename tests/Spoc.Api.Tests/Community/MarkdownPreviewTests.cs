using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Community;

/// <summary>POST /markdown/preview: what the editor's "Aperçu" tab shows is what publishing would store, sanitised the same way.</summary>
public sealed class MarkdownPreviewTests
{
    private SpocApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new SpocApiFactory(new Dictionary<string, string?> { ["RateLimiting:PreviewPermitsPerCaller"] = "3" });

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private static Task<HttpResponseMessage> PreviewAsync(HttpClient by, string body) => by.PostAsJsonAsync("/api/v1/markdown/preview", new { body });

    [Test]
    public async Task The_preview_neutralises_an_xss_payload_exactly_as_a_post_would()
    {
        var (me, _, _) = await _factory.NewUserAsync();
        var response = await PreviewAsync(me, "**Gras** <script>alert(1)</script> [clic](javascript:alert(2)) <img src=x onerror=alert(3)> <a href=\"https://example.org\" onclick=\"alert(4)\">lien</a>");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var html = (await response.ReadJsonAsync())["html"]!.GetValue<string>();
        html.Should().Contain("<strong>Gras</strong>");
        html.Should().NotContain("<script").And.NotContain("javascript:").And.NotContain("<img").And.Contain("&lt;script&gt;", "raw HTML is shown as text");
        html.Should().NotMatchRegex(@"<[a-z][^>]*\son\w+\s*=", "no element keeps an event handler");
        html.Should().Be(Spoc.SharedKernel.Text.Markdown.ToSafeHtml("**Gras** <script>alert(1)</script> [clic](javascript:alert(2)) <img src=x onerror=alert(3)> <a href=\"https://example.org\" onclick=\"alert(4)\">lien</a>"),
            "the same pipeline as the posts'");
    }

    [Test]
    public async Task The_preview_is_for_signed_in_people_up_to_a_posts_length_uncompressed_and_rate_limited()
    {
        (await PreviewAsync(_factory.CreateClient(), "texte")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var (me, _, _) = await _factory.NewUserAsync();
        await (await PreviewAsync(me, new string('a', 20_001))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/markdown/preview") { Content = JsonContent.Create(new { body = new string('a', 20_000) }) };
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var full = await me.SendAsync(request);
        full.StatusCode.Should().Be(HttpStatusCode.OK);
        full.Content.Headers.ContentEncoding.Should().BeEmpty("the answer reflects the caller's text: like every write, never compressed (BREACH)");

        (await PreviewAsync(me, "")).StatusCode.Should().Be(HttpStatusCode.OK, "an empty draft previews as nothing");
        await (await PreviewAsync(me, "encore")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        (await PreviewAsync((await _factory.NewUserAsync()).Client, "moi")).StatusCode.Should().Be(HttpStatusCode.OK, "the window is per user");
    }
}
