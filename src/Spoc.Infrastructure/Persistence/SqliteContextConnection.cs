using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
#pragma warning disable EF1001 // EF's SQLite connection, extended: its functions and settings stay as EF makes them (docs/adr/0058).
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

namespace Spoc.SharedKernel.Persistence;

/// <summary>
/// On SQLite, a pooled context keeps its connection open for as long as the context lives: across its statements and
/// across its leases from EF's context pool (docs/adr/0058). Opening and closing through Microsoft.Data.Sqlite's pool took
/// its lock, defined EF's twenty SQL functions on the native connection again and removed them at the close; kept open,
/// verify answers 11 to 16% more requests/s and the cohort page 9% (docs/performance.md, session 24). Going back to EF's
/// pool still ends the context's transaction (EF rolls back what was not committed), and a connection outside a
/// transaction holds no lock in WAL mode, so it blocks no writer and no checkpoint. The connection closes for real when
/// the context is disposed, and at its next lease after <see cref="ReleaseAll"/>.
/// </summary>
public sealed class SqliteContextConnection(
    RelationalConnectionDependencies dependencies, IRawSqlCommandBuilder rawSqlCommandBuilder, IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    private static int s_generation;
    private int _openedIn;

    /// <summary>
    /// Every connection open now is closed at its next lease, and Microsoft.Data.Sqlite's idle ones at once: after an
    /// outage, none opened before it (to a file since restored) is used again.
    /// </summary>
    public static void ReleaseAll()
    {
        Interlocked.Increment(ref s_generation);
        SqliteConnection.ClearAllPools();
    }

    public override bool Open(bool errorsExpected = false)
    {
        CloseIfReleased();
        return base.Open(errorsExpected);
    }

    public override Task<bool> OpenAsync(CancellationToken cancellationToken, bool errorsExpected = false)
    {
        CloseIfReleased();
        return base.OpenAsync(cancellationToken, errorsExpected);
    }

    protected override void OpenDbConnection(bool errorsExpected)
    {
        _openedIn = Volatile.Read(ref s_generation);
        base.OpenDbConnection(errorsExpected);
    }

    protected override Task OpenDbConnectionAsync(bool errorsExpected, CancellationToken cancellationToken)
    {
        _openedIn = Volatile.Read(ref s_generation);
        return base.OpenDbConnectionAsync(errorsExpected, cancellationToken);
    }

    // EF closes after a statement it opened for, and when the context goes back to the pool: both are skipped.
    protected override void CloseDbConnection()
    {
        if (Released)
        {
            base.CloseDbConnection();
        }
    }

    protected override Task CloseDbConnectionAsync() => Released ? base.CloseDbConnectionAsync() : Task.CompletedTask;

    private bool Released => _openedIn != Volatile.Read(ref s_generation);

    private void CloseIfReleased()
    {
        if (Released && CurrentTransaction is null && DbConnection.State == ConnectionState.Open)
        {
            base.CloseDbConnection();
        }
    }
}
