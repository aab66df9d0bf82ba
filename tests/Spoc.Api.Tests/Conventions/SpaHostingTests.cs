using System.Net;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Conventions;

/// <summary>One URL for the whole product: the built web app, its client-side routes, and the API beside it.</summary>
public sealed class SpaHostingTests
{
    private string _spa = null!;
    private SpocApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _spa = Path.Combine(Path.GetTempPath(), "spoc-tests", "spa-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_spa, "assets"));
        File.WriteAllText(Path.Combine(_spa, "index.html"), "<!doctype html><title>Spoc</title>");
        File.WriteAllText(Path.Combine(_spa, "assets", "app-1a2b3c.js"), "console.log('spoc')");
        _factory = new SpocApiFactory(new Dictionary<string, string?> { ["Spoc:SpaDirectory"] = _spa });
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task Client_routes_get_index_html_with_a_content_security_policy()
    {
        var page = await _factory.CreateClient().GetAsync("/cohorts/123/applications");

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("<title>Spoc</title>");
        page.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'");
        page.Headers.CacheControl!.NoCache.Should().BeTrue();
    }

    [Test]
    public async Task Fingerprinted_assets_are_cached_for_good()
    {
        var asset = await _factory.CreateClient().GetAsync("/assets/app-1a2b3c.js");

        asset.StatusCode.Should().Be(HttpStatusCode.OK);
        asset.Headers.CacheControl!.ToString().Should().Contain("immutable");
    }

    [Test]
    public async Task Unknown_api_routes_stay_problem_404s_and_are_not_swallowed_by_the_app() =>
        await (await _factory.CreateClient().GetAsync("/api/v1/does-not-exist")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
}
