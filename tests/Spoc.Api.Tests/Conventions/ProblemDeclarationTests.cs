using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Api.Tests.Persistence;
using Spoc.SharedKernel.Problems;

namespace Spoc.Api.Tests.Conventions;

/// <summary>
/// The guard every API test runs under (<see cref="ProblemDeclarationGuard"/>): a problem its operation declares goes through
/// untouched, one it does not declare fails the test that provoked it, naming the operation, the status and the slug.
/// </summary>
public sealed partial class ProblemDeclarationTests
{
    private SpocApiFactory _factory = null!;
    private SpocApiFactory _forgetful = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new SpocApiFactory();
        _forgetful = new SpocApiFactory { ForgottenDeclaration = ("GetCohort", "not-found") };
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _factory.Dispose();
        _forgetful.Dispose();
    }

    [Test]
    public async Task A_declared_problem_goes_through()
    {
        var (client, _, _) = await _factory.NewUserAsync();
        await (await client.GetAsync($"/api/v1/cohorts/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _factory.CreateClient().GetAsync($"/api/v1/cohorts/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task A_problem_missing_from_the_declaration_fails_the_test_that_provoked_it()
    {
        var (client, _, _) = await _forgetful.NewUserAsync();
        var problem = await (await client.GetAsync($"/api/v1/cohorts/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.InternalServerError, ProblemDeclarationGuard.Slug);
        problem["detail"]!.GetValue<string>().Should().StartWith("GetCohort answered 404 not-found, which its OpenAPI operation does not declare");

        // Only the forgotten pair: the operation's other problems (a pipeline convention here) are still declared.
        await (await _forgetful.CreateClient().GetAsync($"/api/v1/cohorts/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task An_upload_declares_the_415_routing_answers_to_a_body_that_is_not_multipart()
    {
        var (client, _, _) = await _factory.NewUserAsync();
        await (await client.PostAsync("/api/v1/files", TestApi.Json("{}"))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        // Routing refuses it before the endpoint is chosen, out of the guard's sight: the document is checked directly.
        var document = JsonNode.Parse(await _factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        document["paths"]!["/api/v1/files"]!["post"]!["x-problem-types"]!.AsArray().Select(t => (string)t!)
            .Should().Contain(ProblemTypes.For("unsupported-media-type"));
    }

    [Test]
    public async Task Every_operation_lists_its_problem_types_as_its_responses_do_and_each_is_in_the_catalogue()
    {
        var document = JsonNode.Parse(await _factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var catalogue = ProblemCatalogueTests.RowsOf(File.ReadAllText(Path.Combine(Repository.Root, "docs", "problems.md")));
        var operations = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(o => o.Value!)).ToList();
        operations.Should().HaveCountGreaterThan(50);
        foreach (var operation in operations)
        {
            var id = (string)operation["operationId"]!;
            var listed = operation["x-problem-types"]!.AsArray().Select(t => (string)t!).ToList();
            var described = operation["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5')
                .SelectMany(r => BacktickedSlug().Matches((string)r.Value!["description"]!).Select(m => ProblemTypes.For(m.Groups[1].Value)));
            listed.Should().OnlyHaveUniqueItems(id).And.BeEquivalentTo(described, $"{id} lists in x-problem-types the types its error responses name")
                .And.Contain(ProblemTypes.For("internal-error"), id);
            listed.Select(t => t[ProblemTypes.BaseUri.Length..]).Should().BeSubsetOf(catalogue, $"every type {id} lists has a row in docs/problems.md");
        }
    }

    [GeneratedRegex("`([a-z]+(?:-[a-z]+)*)`")]
    private static partial Regex BacktickedSlug();
}
