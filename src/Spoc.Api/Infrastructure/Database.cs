using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Security;

namespace Spoc.Api.Infrastructure;

/// <summary>
/// At start-up, before anything else runs: the signing key is loaded (or generated in Development); SQLite gets its data directory, WAL journaling and every module's
/// migrations. SQL Server is migrated by operators with the idempotent scripts in docs/sql/.
/// Then the start-up tasks (admin bootstrap, demo data) run in registration order.
/// </summary>
internal sealed class DatabaseInitializer(
    IServiceScopeFactory scopes,
    DatabaseSettings settings,
    IEnumerable<ModuleDatabase> databases,
    IEnumerable<IStartupTask> startupTasks,
    SigningKeyProvider signingKey,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Fail at start, not at the first sign-in, when a production host has no signing key.
        _ = signingKey.Key;
        Directory.CreateDirectory(settings.DataDirectory);
        await using var scope = scopes.CreateAsyncScope();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // The one place allowed to create the file: at start-up, before anything reads or writes it, and said out loud.
            var file = new SqliteConnectionStringBuilder(settings.CreationConnectionString).DataSource;
            if (!File.Exists(file))
            {
                logger.LogWarning("No database at {DatabaseFile}: creating an empty one", file);
            }

            await using (var connection = new SqliteConnection(settings.CreationConnectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await using var wal = connection.CreateCommand();
                wal.CommandText = "PRAGMA journal_mode=WAL;";
                await wal.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var database in databases)
            {
                var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
                await context.Database.MigrateAsync(cancellationToken);
            }

            logger.LogInformation("SQLite database ready in {DataDirectory}", settings.DataDirectory);
        }

        foreach (var task in startupTasks)
        {
            await task.RunAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
