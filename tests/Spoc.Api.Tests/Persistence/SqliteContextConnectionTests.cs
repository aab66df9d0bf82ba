using System.Data;
using System.Data.Common;
using AwesomeAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using SQLitePCL;

namespace Spoc.Api.Tests.Persistence;

/// <summary>
/// A pooled context keeps its SQLite connection open from one lease to the next (<see cref="SqliteContextConnection"/>),
/// yet each lease starts outside any transaction, and an outage's release makes the next lease open a new connection.
/// Run alone: a release is process-wide, and one from another fixture (an outage test) between two leases would hand the
/// first test a new native connection.
/// </summary>
[NonParallelizable]
public sealed class SqliteContextConnectionTests
{
    [Test]
    public async Task The_next_lease_of_a_pooled_context_finds_its_connection_open_on_the_same_native_connection()
    {
        using var factory = new SpocApiFactory();
        var (first, handle, _) = await LeaseAsync(factory, async db =>
        {
            await db.IdempotencyRecords.CountAsync();
            db.Database.GetDbConnection().State.Should().Be(ConnectionState.Open, "EF alone closes it after each statement");
            return await db.IdempotencyRecords.AnyAsync();
        });

        await LeaseAsync(factory, db =>
        {
            db.Database.GetDbConnection().Should().BeSameAs(first, "the pool hands the same context back");
            first.State.Should().Be(ConnectionState.Open, "going back to the pool did not close it");
            return db.IdempotencyRecords.CountAsync();
        });
        ((SqliteConnection)first).Handle.Should().BeSameAs(handle);
    }

    [Test]
    public async Task A_transaction_left_open_is_rolled_back_at_the_return_to_the_pool_and_holds_no_lock_after_it()
    {
        using var factory = new SpocApiFactory();
        await LeaseAsync(factory, async db =>
        {
            await db.Database.BeginTransactionAsync();
            db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = "pinned", Key = "left-open" });
            return await db.SaveChangesAsync();
        });

        var (_, _, left) = await LeaseAsync(factory, db => db.IdempotencyRecords.CountAsync(r => r.Scope == "pinned"));
        left.Should().Be(0, "the uncommitted row went with its transaction");
        // Another connection writes at once: the pinned one holds no write lock (a held lock would make this wait, then fail).
        await using var other = new SqliteConnection(factory.Services.GetRequiredService<DatabaseSettings>().ConnectionString + ";Default Timeout=1");
        await other.OpenAsync();
        await using var write = other.CreateCommand();
        write.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
        await write.ExecuteNonQueryAsync();
    }

    [Test]
    public async Task After_a_release_the_next_lease_opens_a_new_native_connection()
    {
        using var factory = new SpocApiFactory();
        var (_, before, _) = await LeaseAsync(factory, db => db.IdempotencyRecords.CountAsync());

        SqliteContextConnection.ReleaseAll();

        var (_, after, _) = await LeaseAsync(factory, db => db.IdempotencyRecords.CountAsync());
        after.Should().NotBeSameAs(before, "a connection opened before an outage is not used again");
    }

    /// <summary>One lease of the pooled context, as a request has: what it used, and the connection it left.</summary>
    private static async Task<(DbConnection Connection, sqlite3 Handle, T Result)> LeaseAsync<T>(SpocApiFactory factory, Func<KernelDbContext, Task<T>> use)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        var result = await use(db);
        var connection = db.Database.GetDbConnection();
        return (connection, ((SqliteConnection)connection).Handle!, result);
    }
}
