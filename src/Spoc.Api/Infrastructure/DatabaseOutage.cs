using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
#pragma warning disable EF1001 // EF's own list of transient SQL Server errors, the one its retrying strategy uses: better than a copy that drifts.
using Microsoft.EntityFrameworkCore.SqlServer.Storage.Internal;
#pragma warning restore EF1001

namespace Spoc.Api.Infrastructure;

/// <summary>
/// The database is busy, locked, read-only, full, unreadable or gone: a state of the server, not of the request, so
/// callers get 503 with <c>Retry-After</c> rather than a misleading 409 or an opaque 500, and readiness fails until
/// it is over. The pool involved is cleared, so connections opened before the outage (to a file since restored, to a
/// server since failed over) are not handed out again: the API recovers without a restart.
/// </summary>
internal static class DatabaseOutage
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    // Primary result codes (sqlite.org/rescode.html): BUSY, LOCKED, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB.
    // A corrupt file is an outage too: nothing the caller sent can fix it, an operator restoring a backup can.
    private static readonly HashSet<int> SqliteCodes = [5, 6, 8, 10, 11, 13, 14, 26];

    // 3906: the database is read-only (e.g. a secondary after fail-over), missing from EF's transient list.
    private const int SqlServerReadOnly = 3906;

    /// <summary>True when <paramref name="exception"/>, or one it wraps, is an outage; the pool involved is then cleared.</summary>
    public static bool Handled(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when SqliteCodes.Contains(sqlite.SqliteErrorCode & 0xFF):
                    SqliteContextConnection.ReleaseAll();
                    return true;
#pragma warning disable EF1001 // see the using above
                case SqlException sql when sql.Number == SqlServerReadOnly || SqlServerTransientExceptionDetector.ShouldRetryOn(sql):
#pragma warning restore EF1001
                    SqlConnection.ClearAllPools();
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Readiness: the database takes a write, not merely a read. A write transaction (on SQLite, BEGIN IMMEDIATE takes
    /// the write lock) and a DELETE that matches nothing, never committed: cheap, and it leaves no trace.
    /// </summary>
    public static async Task<bool> CanWriteAsync(KernelDbContext db, CancellationToken ct)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.IdempotencyRecords.Where(r => false).ExecuteDeleteAsync(ct);
            return true;
        }
        catch (Exception e) when (Handled(e))
        {
            return false;
        }
    }
}
