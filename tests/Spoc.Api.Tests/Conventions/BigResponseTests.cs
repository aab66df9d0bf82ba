using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AwesomeAssertions;
using Spoc.Api.Tests.Cohorts;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Conventions;

/// <summary>Reads are compressed as the client asks (Brotli, gzip); token responses never are (BREACH); the progress matrix answers 304 when unchanged.</summary>
public sealed class BigResponseTests
{
    private SpocApiFactory _factory = null!;
    private CohortWorld _world = null!;
    private Guid _cohortId;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _world = await CohortWorld.CreateAsync(_factory);
        _cohortId = await _world.CohortAsync();
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [TestCase("br")]
    [TestCase("gzip")]
    public async Task A_read_is_compressed_as_negotiated_and_decompresses_to_the_same_json(string encoding)
    {
        var plain = await (await _world.Trainer.GetAsync($"/api/v1/cohorts/{_cohortId}/progress")).Content.ReadAsStringAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cohorts/{_cohortId}/progress");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await _world.Trainer.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().Equal(encoding);
        response.Headers.Vary.Should().Contain("Accept-Encoding");
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decompressed = encoding == "br" ? new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        (await new StreamReader(decompressed).ReadToEndAsync()).Should().Be(plain);
    }

    [Test]
    public async Task Token_responses_are_never_compressed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { email = SpocApiFactory.AdminEmail, password = SpocApiFactory.AdminPassword }),
        };
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await _factory.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().BeEmpty();
        (await response.Content.ReadAsStringAsync()).Should().Contain("accessToken");
    }

    [Test]
    public async Task An_unchanged_progress_matrix_answers_304_to_its_etag()
    {
        var first = await _world.Trainer.GetAsync($"/api/v1/cohorts/{_cohortId}/progress");
        var etag = first.Headers.ETag;
        etag.Should().NotBeNull();

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cohorts/{_cohortId}/progress");
        again.Headers.IfNoneMatch.Add(etag!);
        (await _world.Trainer.SendAsync(again)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }
}
