using System.Net;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Conventions;

/// <summary>
/// The guard every API test runs under (<see cref="ProblemDeclarationGuard"/>): a problem its operation declares goes through
/// untouched, one it does not declare fails the test that provoked it, naming the operation, the status and the slug.
/// </summary>
public sealed class ProblemDeclarationTests
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
}
