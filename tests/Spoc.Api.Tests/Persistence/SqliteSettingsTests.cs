using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Cohorts;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Cohorts.Data;

namespace Spoc.Api.Tests.Persistence;

/// <summary>
/// Every connection the application opens waits for a lock inside SQLite (busy_timeout) and commits to the WAL without
/// an fsync unless told otherwise; concurrent writers then neither lose nor duplicate a row.
/// </summary>
public sealed class SqliteSettingsTests
{
    [Test]
    public async Task Each_connection_waits_in_SQLite_for_the_connection_timeout_and_commits_with_synchronous_NORMAL()
    {
        using var factory = new SpocApiFactory();
        (await PragmasAsync(factory)).Should().Be((30_000L, 1L)); // Default Timeout=30 s; 1 = NORMAL
    }

    [Test]
    public async Task Database_Synchronous_Full_syncs_every_commit_and_a_shorter_timeout_is_a_shorter_wait()
    {
        var directory = Path.Combine(Path.GetTempPath(), "spoc-tests", Guid.NewGuid().ToString("N"));
        using var factory = new SpocApiFactory(new Dictionary<string, string?>
        {
            ["Database:Synchronous"] = "Full",
            ["ConnectionStrings:Spoc"] = $"Data Source={Path.Combine(directory, "spoc.db")};Default Timeout=5",
        }, directory);
        (await PragmasAsync(factory)).Should().Be((5_000L, 2L)); // 2 = FULL
    }

    [Test]
    public async Task Sixteen_concurrent_writers_lose_no_row_and_a_writer_racing_itself_writes_one()
    {
        using var factory = new SpocApiFactory();
        var world = await CohortWorld.CreateAsync(factory);
        var cohortId = await world.CohortAsync(capacity: 20);
        var learners = await world.LearnersAsync(16);

        var responses = await Task.WhenAll(learners.Select(l => l.Client.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/applications", new { motivation = "Je veux progresser." })));
        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created);

        var (same, _, _) = await world.LearnerAsync();
        var raced = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => same.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/applications", new { motivation = "Une seule fois." })));
        raced.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        raced.Where(r => r.StatusCode != HttpStatusCode.Created).Should().AllSatisfy(r => r.StatusCode.Should().Be(HttpStatusCode.Conflict));

        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<CohortsDbContext>().Applications.CountAsync(a => a.CohortId == cohortId)).Should().Be(17);
    }

    /// <summary>Read on a connection opened the way the application opens them (through EF, so its interceptors run).</summary>
    private static async Task<(long BusyTimeout, long Synchronous)> PragmasAsync(SpocApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohortsDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";
        var busy = (long)(await command.ExecuteScalarAsync())!;
        command.CommandText = "PRAGMA synchronous";
        var synchronous = (long)(await command.ExecuteScalarAsync())!;
        return (busy, synchronous);
    }
}
