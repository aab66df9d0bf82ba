using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Spoc.SharedKernel.Persistence;

public static class UniqueViolation
{
    /// <summary>
    /// A unique index refused the row: a concurrent request won the race. Handlers that turn this into a 409 must ask,
    /// not assume: a locked, read-only or missing database also fails SaveChanges, and that is a 503 (the host's
    /// exception handler), never "already taken".
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException is DbException inner && inner.IsUniqueViolation();

    /// <summary>The same, for a statement run outside SaveChanges (ExecuteUpdate, raw SQL), which throws the provider's own exception.</summary>
    public static bool IsUniqueViolation(this DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        SqlException sql => sql.Number is 2601 or 2627, // duplicate key in a unique index, in a unique constraint
        _ => false,
    };
}
