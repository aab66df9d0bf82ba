using System.Net;
using System.Net.Http.Json;
using System.Text;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.SharedKernel.Http;

namespace Spoc.Api.Tests.Conventions;

public sealed class IdempotencyTests
{
    private SpocApiFactory _factory = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _admin = await _factory.AdminClientAsync();
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task Same_key_and_body_replays_the_first_response_and_creates_nothing_new()
    {
        var key = Guid.NewGuid().ToString();
        var slug = "idem-" + Guid.NewGuid().ToString("N")[..8];

        var first = await Post(_admin, key, new { name = "Idempotent", slug });
        var retry = await Post(_admin, key, new { name = "Idempotent", slug });

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        retry.StatusCode.Should().Be(HttpStatusCode.Created);
        retry.Headers.Location.Should().Be(first.Headers.Location);
        (await retry.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        retry.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");

        var all = await (await _admin.GetAsync("/api/v1/organizations?pageSize=100")).ReadJsonAsync();
        all["items"]!.AsArray().Count(o => o!["slug"]!.GetValue<string>() == slug).Should().Be(1);
    }

    [Test]
    public async Task Same_key_with_another_body_is_422()
    {
        var key = Guid.NewGuid().ToString();
        (await Post(_admin, key, new { name = "One", slug = "one-" + Guid.NewGuid().ToString("N")[..8] })).StatusCode.Should().Be(HttpStatusCode.Created);

        await (await Post(_admin, key, new { name = "Two", slug = "two-" + Guid.NewGuid().ToString("N")[..8] }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
    }

    [Test]
    public async Task Keys_are_scoped_to_the_caller()
    {
        var key = Guid.NewGuid().ToString();
        var organizationId = await _admin.CreateOrganizationAsync();
        var (first, _, firstEmail) = await _factory.NewUserAsync("trainer");
        var (second, _, secondEmail) = await _factory.NewUserAsync("trainer");
        await _admin.AddMemberAsync(organizationId, firstEmail, "Trainer");
        await _admin.AddMemberAsync(organizationId, secondEmail, "Trainer");
        var body = new { organizationId, title = "Même titre", language = "fr" };

        var mine = await Post(first, key, body, "/api/v1/courses");
        var theirs = await Post(second, key, body, "/api/v1/courses");

        mine.StatusCode.Should().Be(HttpStatusCode.Created);
        theirs.StatusCode.Should().Be(HttpStatusCode.Created);
        theirs.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        theirs.Headers.Location.Should().NotBe(mine.Headers.Location);
    }

    [Test]
    public async Task The_same_body_with_its_keys_in_another_order_and_spacing_is_a_replay()
    {
        var key = Guid.NewGuid().ToString();
        var slug = "order-" + Guid.NewGuid().ToString("N")[..8];

        var first = await PostRaw(_admin, key, $"{{\"name\":\"Ordre\",\"slug\":\"{slug}\"}}");
        var reordered = await PostRaw(_admin, key, $"{{ \"slug\" : \"{slug}\",\n  \"name\": \"Ordre\" }}");

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        reordered.StatusCode.Should().Be(HttpStatusCode.Created, await reordered.Content.ReadAsStringAsync());
        reordered.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        await (await PostRaw(_admin, key, $"{{\"slug\":\"{slug}\",\"name\":\"Autre\"}}")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
    }

    [Test]
    public async Task A_replay_keeps_the_ETag_and_Location_of_the_first_response()
    {
        var key = Guid.NewGuid().ToString();
        var body = new { name = "Étiquette", slug = "etag-" + Guid.NewGuid().ToString("N")[..8] };

        var first = await Post(_admin, key, body);
        var retry = await Post(_admin, key, body);

        first.Headers.ETag.Should().NotBeNull();
        retry.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        retry.Headers.ETag.Should().Be(first.Headers.ETag);
        retry.Headers.Location.Should().Be(first.Headers.Location);
    }

    [Test]
    public async Task A_kept_response_carrying_a_secret_is_sealed_yet_replays_the_same_secret()
    {
        var world = await Cohorts.CohortWorld.CreateAsync(_factory);
        var cohortId = await world.CohortAsync(mode: "InviteOnly");
        var key = Guid.NewGuid().ToString();
        var body = new { email = TestApi.UniqueEmail("invitee") };

        var first = await Post(world.Trainer, key, body, $"/api/v1/cohorts/{cohortId}/invitations");
        var retry = await Post(world.Trainer, key, body, $"/api/v1/cohorts/{cohortId}/invitations");

        first.StatusCode.Should().Be(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var token = (await first.ReadJsonAsync())["token"]!.GetValue<string>();
        retry.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await retry.ReadJsonAsync())["token"]!.GetValue<string>().Should().Be(token);

        await using var scope = _factory.Services.CreateAsyncScope();
        var records = await scope.ServiceProvider.GetRequiredService<KernelDbContext>().IdempotencyRecords.AsNoTracking().ToListAsync();
        var stored = string.Join("\n", records.Select(r => string.Join(" ", r.Scope, r.Key, r.RequestHash, r.ContentType, Convert.ToBase64String(r.Body ?? []), Encoding.UTF8.GetString(r.Body ?? []))));
        records.Should().NotBeEmpty();
        stored.Should().NotContain(token).And.NotContain(key, "only a hash of the Idempotency-Key is kept");
    }

    [Test]
    public async Task A_failed_request_is_not_kept_so_it_can_be_retried()
    {
        var key = Guid.NewGuid().ToString();
        var slug = "retry-" + Guid.NewGuid().ToString("N")[..8];
        await _admin.CreateOrganizationAsync(slug);

        await (await Post(_admin, key, new { name = "Taken", slug })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "slug-taken");
        (await Post(_admin, key, new { name = "Taken", slug })).Headers.Contains("Idempotent-Replayed").Should().BeFalse();
    }

    private static Task<HttpResponseMessage> PostRaw(HttpClient client, string key, string json, string url = "/api/v1/organizations")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = TestApi.Json(json) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string key, object body, string url = "/api/v1/organizations")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
