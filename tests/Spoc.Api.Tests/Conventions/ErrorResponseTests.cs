using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Conventions;

/// <summary>Bad input of every kind is a 4xx problem+json with a stable type; none of it reaches the 500 handler.</summary>
public sealed class ErrorResponseTests
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

    [TearDown]
    public void NothingReachedTheUnhandledExceptionPath() =>
        _factory.Logs.Should().NotContain(l => l.Contains("Unhandled exception", StringComparison.Ordinal));

    [Test]
    public async Task Malformed_json() =>
        await (await _factory.CreateClient().PostAsync("/api/v1/auth/register", TestApi.Json("{\"email\": \"a@b.c\", "))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");

    [Test]
    public async Task Wrong_json_type_names_the_field()
    {
        var problem = await (await _factory.CreateClient().PostAsync("/api/v1/auth/register", TestApi.Json("{\"email\": 42, \"password\": \"Passw0rd-x\", \"displayName\": \"x\"}")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        problem["errors"]!.AsObject().Should().ContainKey("email");
    }

    [Test]
    public async Task Null_for_a_required_field_names_the_field()
    {
        var problem = await (await _factory.CreateClient().PostAsync("/api/v1/auth/register", TestApi.Json("{\"email\": null, \"password\": \"Passw0rd-x\", \"displayName\": \"x\"}")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        problem["errors"]!.AsObject().Should().ContainKey("email");
    }

    [Test]
    public async Task Unknown_enum_value()
    {
        var organizationId = await _admin.CreateOrganizationAsync();
        var problem = await (await _admin.PostAsync($"/api/v1/organizations/{organizationId}/members", TestApi.Json("{\"email\": \"x@y.z\", \"role\": \"Emperor\"}")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        problem["errors"]!.AsObject().Should().ContainKey("role");
    }

    [Test]
    public async Task Enum_as_a_number_is_refused()
    {
        var organizationId = await _admin.CreateOrganizationAsync();
        await (await _admin.PostAsync($"/api/v1/organizations/{organizationId}/members", TestApi.Json("{\"email\": \"x@y.z\", \"role\": 2}")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
    }

    [Test]
    public async Task Missing_required_fields_are_listed()
    {
        var problem = await (await _factory.CreateClient().PostAsync("/api/v1/auth/register", TestApi.Json("{}"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        problem["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo(["email", "password", "displayName"]);
    }

    [Test]
    public async Task Empty_body() =>
        await (await _factory.CreateClient().PostAsync("/api/v1/auth/register", TestApi.Json(""))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");

    [Test]
    public async Task Body_over_one_megabyte_is_413()
    {
        var huge = "{\"email\":\"a@b.c\",\"password\":\"Passw0rd-x\",\"displayName\":\"" + new string('x', 1_100_000) + "\"}";
        await (await _factory.CreateClient().PostAsync("/api/v1/auth/register", TestApi.Json(huge))).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Test]
    public async Task Wrong_content_type_is_415() =>
        await (await _factory.CreateClient().PostAsync("/api/v1/auth/register", new StringContent("email=a@b.c", System.Text.Encoding.UTF8, "text/plain")))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

    [Test]
    public async Task Malformed_id_in_the_route_is_404() =>
        await (await _admin.GetAsync("/api/v1/organizations/not-a-guid")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

    [Test]
    public async Task Unknown_id_is_404() =>
        await (await _admin.GetAsync($"/api/v1/organizations/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

    [Test]
    public async Task Unknown_route_is_404() =>
        await (await _admin.GetAsync("/api/v1/nothing-here")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

    [Test]
    public async Task Wrong_method_is_405() =>
        await (await _admin.DeleteAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed, "method-not-allowed");

    [Test]
    public async Task A_missing_enum_field_is_required_not_defaulted_to_the_most_powerful_value()
    {
        var organizationId = await _admin.CreateOrganizationAsync();
        var (_, _, email) = await _factory.NewUserAsync();

        var problem = await (await _admin.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/members", new { email }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        problem["errors"]!.AsObject().Should().ContainKey("role");
        var members = await (await _admin.GetAsync($"/api/v1/organizations/{organizationId}/members")).ReadJsonAsync();
        members["totalCount"]!.GetValue<int>().Should().Be(0);
    }

    [Test]
    public async Task Nulls_inside_lists_and_maps_and_huge_page_numbers_are_400_not_500()
    {
        var organizationId = await _admin.CreateOrganizationAsync();
        await (await _admin.PostAsync("/api/v1/courses", TestApi.Json($"{{\"organizationId\":\"{organizationId}\",\"title\":\"T\",\"language\":\"fr\",\"competencies\":[null,{{\"title\":\"sans code\"}}]}}")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await _admin.GetAsync("/api/v1/organizations?page=21474837&pageSize=100")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await _admin.PostAsync($"/api/v1/cohorts/{Guid.NewGuid()}/applications", TestApi.Json("{\"motivation\":\"m\",\"answers\":{\"q\":null}}")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Test]
    public async Task Problems_carry_a_trace_id_and_the_instance()
    {
        var problem = await (await _admin.GetAsync($"/api/v1/organizations/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        problem["traceId"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        problem["instance"]!.GetValue<string>().Should().StartWith("/api/v1/organizations/");
    }
}
