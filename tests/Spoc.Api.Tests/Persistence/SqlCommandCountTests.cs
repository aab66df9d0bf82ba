using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Persistence;

/// <summary>Diagnostics:CountSqlCommands, which bench/run.sh reads: each response says how many SQL commands its request ran.</summary>
public sealed class SqlCommandCountTests
{
    [Test]
    public async Task When_switched_on_each_response_counts_its_own_requests_commands()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["Diagnostics:CountSqlCommands"] = "true" });
        var client = (await factory.PeopleAsync(1)).Single().Client;

        // The first request fills the caches that hold who the caller is (ADR 0056, 0057): the next two cost the same.
        await client.GetAsync("/api/v1/me");
        var first = await client.GetAsync("/api/v1/me");
        var second = await client.GetAsync("/api/v1/me");
        var live = await client.GetAsync("/health/live");

        var count = int.Parse(first.Headers.GetValues("X-Sql-Commands").Single(), System.Globalization.CultureInfo.InvariantCulture);
        count.Should().BePositive();
        second.Headers.GetValues("X-Sql-Commands").Single().Should().Be(count.ToString(System.Globalization.CultureInfo.InvariantCulture), "the count is per request, not a running total");
        live.Headers.GetValues("X-Sql-Commands").Single().Should().Be("0");
    }

    [Test]
    public async Task Off_by_default()
    {
        using var factory = new SpocApiFactory();
        var client = (await factory.PeopleAsync(1)).Single().Client;

        var me = await client.GetAsync("/api/v1/me");

        me.Headers.Contains("X-Sql-Commands").Should().BeFalse();
    }
}
