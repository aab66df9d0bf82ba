using System.Net;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Platform.Data;

namespace Spoc.Api.Tests.Conventions;

public sealed class InternalErrorTests
{
    [Test]
    public async Task An_unexpected_failure_is_a_500_problem_that_discloses_nothing()
    {
        using var factory = new SpocApiFactory();
        var (me, _, _) = await factory.NewUserAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // Break the database under the running API: the next query throws a SqliteException.
            await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.ExecuteSqlRawAsync("DROP TABLE OrganizationMembers");
        }

        var response = await me.GetAsync("/api/v1/me");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError, "internal-error");
        var body = problem.ToJsonString();
        body.Should().NotContainAny("Sqlite", "OrganizationMembers", "Exception", " at ");
        problem["traceId"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        factory.Logs.Should().Contain(l => l.Contains("Unhandled exception on GET /api/v1/me"));
    }
}
