using System.Net;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Conventions;

public sealed class HealthTests
{
    [Test]
    public async Task Live_and_ready_answer_without_authentication()
    {
        using var factory = new SpocApiFactory();
        var http = factory.CreateClient();

        (await http.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ready = await http.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        // Only the database without Redis or blob storage configured (Infrastructure/SharedEnginesTests: with them).
        (await ready.Content.ReadAsStringAsync()).Should().Be("""{"status":"Healthy","checks":{"database":"Healthy"}}""");
    }

    [Test]
    public async Task Ready_fails_when_the_database_is_unreachable()
    {
        using var factory = new SpocApiFactory();
        var http = factory.CreateClient();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Spoc.SharedKernel.Http.KernelDbContext>().Database.ExecuteSqlRawAsync("DROP TABLE IdempotencyRecords");
        }

        (await http.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await http.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
