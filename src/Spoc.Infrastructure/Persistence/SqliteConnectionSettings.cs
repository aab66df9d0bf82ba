using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Spoc.SharedKernel.Persistence;

/// <summary>
/// Per-connection SQLite settings, applied the first time EF opens each native connection (a pooled connection keeps its
/// native handle and its settings with it; a pragma run again would also make SQLite compile it again each time):
/// <list type="bullet">
/// <item><c>busy_timeout</c>: a writer that finds the database locked waits inside SQLite, which retries within a
/// millisecond or so of the lock being released. Without it, Microsoft.Data.Sqlite retries by itself with ~150 ms
/// sleeps, and 16 concurrent writers queue in steps of 150 ms.</item>
/// <item><c>synchronous=NORMAL</c> (with the WAL journal the initializer sets): a commit appends to the WAL without an
/// fsync; the WAL is synced at checkpoints. Durable against a crash of the process, not against a power loss or
/// an OS crash, which may lose the last commits (never corrupt the file). <c>Database:Synchronous=Full</c> restores
/// an fsync per commit (docs/performance.md says how to choose).</item>
/// <item><c>cache_size</c>: each connection keeps a private page cache (2 MB by default). With a connection per module
/// context per request, 16 concurrent requests filled some 60 of them: about 160 MB of the API's peak memory
/// (docs/performance.md, memory). A page missing from a smaller cache is read again from the OS's file cache.</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionSettings(int busyTimeoutMs, string synchronous) : DbConnectionInterceptor
{
    private const int CacheKiB = 512;

    private static readonly ConditionalWeakTable<sqlite3, string> Applied = [];

    private readonly string _pragmas = $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA synchronous = {synchronous}; PRAGMA cache_size = -{CacheKiB};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // Synchronous on purpose: pragmas never touch the disk, and an async round trip would cost more than the statement.
    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } sqlite && !(Applied.TryGetValue(handle, out var applied) && applied == _pragmas))
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
            Applied.AddOrUpdate(handle, _pragmas);
        }
    }
}
