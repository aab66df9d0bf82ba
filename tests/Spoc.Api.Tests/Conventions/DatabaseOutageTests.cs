using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Api.Tests.Conventions;

/// <summary>
/// The database goes away and comes back while the API runs: callers get 503 with Retry-After (never 409 or 500),
/// readiness fails, and service resumes by itself once the database is back, without a restart.
/// </summary>
// Slow: hosts of its own on their own databases, and busy timeouts waited out in real time.
[Category("Slow")]
public sealed class DatabaseOutageTests
{
    [Test]
    public async Task A_locked_database_answers_503_with_retry_after_and_service_resumes_once_released()
    {
        var directory = NewDataDirectory();
        var file = Path.Combine(directory, "spoc.db");
        // Default Timeout is the busy timeout: a write waits one second for the lock, then gives up.
        using var factory = new SpocApiFactory(Quiet(("ConnectionStrings:Spoc", $"Data Source={file};Default Timeout=1")), directory);
        var admin = await factory.AdminClientAsync();
        var probe = factory.CreateClient();
        await admin.CreateOrganizationAsync();

        await using (var other = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await other.OpenAsync();
            await using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE;"; // another process holds the write lock (closing the connection rolls it back)
            await hold.ExecuteNonQueryAsync();

            await ShouldBeOutageAsync(await admin.PostAsJsonAsync("/api/v1/organizations", new { name = "Pendant", slug = "pendant-" + Guid.NewGuid().ToString("N")[..8] }));
            // With an Idempotency-Key the first write is the idempotency record's: still an outage, not "in progress".
            using var keyed = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organizations")
            {
                Content = JsonContent.Create(new { name = "Pendant", slug = "pendant-" + Guid.NewGuid().ToString("N")[..8] }),
            };
            keyed.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            await ShouldBeOutageAsync(await admin.SendAsync(keyed));
            (await probe.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            (await probe.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await admin.CreateOrganizationAsync();
        (await probe.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_missing_database_file_is_503_never_a_new_empty_database_and_service_resumes_once_restored()
    {
        var directory = NewDataDirectory();
        var file = Path.Combine(directory, "spoc.db");
        using var factory = new SpocApiFactory(Quiet(), directory);
        var admin = await factory.AdminClientAsync();
        var probe = factory.CreateClient();
        (await probe.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);

        SqliteContextConnection.ReleaseAll(); // no connection opened before still holds the file open, as after an outage
        File.Move(file, file + ".away");

        // Re-created empty, the database would have no tables and no accounts: 500s, then 401s once migrated.
        await ShouldBeOutageAsync(await admin.PostAsJsonAsync("/api/v1/organizations", new { name = "Pendant", slug = "pendant-" + Guid.NewGuid().ToString("N")[..8] }));
        await ShouldBeOutageAsync(await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = SpocApiFactory.AdminEmail, password = SpocApiFactory.AdminPassword }));
        (await probe.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        File.Exists(file).Should().BeFalse("the API must never create an empty database in place of a missing one");

        File.Move(file + ".away", file);

        await admin.CreateOrganizationAsync();
        await factory.AdminClientAsync();
        (await probe.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_lost_race_on_a_unique_index_is_still_told_apart_from_an_outage()
    {
        using var factory = new SpocApiFactory(Quiet());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = "race", Key = "k" });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = "race", Key = "k" });

        // Handlers answer 409 "already taken" only on this; anything else (a locked database) reaches the 503 mapping.
        var lost = (await FluentActions.Awaiting(() => db.SaveChangesAsync()).Should().ThrowAsync<DbUpdateException>()).Which;
        lost.IsUniqueViolation().Should().BeTrue();
    }

    private static async Task ShouldBeOutageAsync(HttpResponseMessage response)
    {
        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "database-unavailable");
        response.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero);
    }

    // Nothing but the test's requests touches the database while it is away: the outbox dispatcher stays idle.
    private static Dictionary<string, string?> Quiet(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return all;
    }

    private static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "spoc-tests", Guid.NewGuid().ToString("N"));
}
