using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Spoc.SharedKernel.Persistence;

/// <summary>
/// On SQLite, a context keeps its connection open from its first statement until it goes back to the pool at the end of
/// the request (or is disposed), instead of EF opening and closing it around every statement. Each open and close takes
/// Microsoft.Data.Sqlite's connection-pool lock (under load, requests queued on it for a large share of a read's wall
/// time), re-registers EF's SQL functions on the native connection and re-applies <see cref="SqliteConnectionSettings"/>.
/// Only EF's per-statement close is skipped: returning a pooled context (or disposing one) disposes its connection, which
/// goes back to Microsoft.Data.Sqlite's pool as before. Transactions are unchanged: one connection per context, as before.
/// A connection outside a transaction holds no lock in WAL mode, so keeping it open blocks no writer.
/// </summary>
public sealed class SqliteConnectionKeptOpen : DbConnectionInterceptor
{
    public static readonly SqliteConnectionKeptOpen Instance = new();

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        connection.State == ConnectionState.Open ? InterceptionResult.Suppress() : result;

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(ConnectionClosing(connection, eventData, result));
}
