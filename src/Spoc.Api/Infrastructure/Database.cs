using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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
            SqliteStatementCache.Install(); // before this connection, the process's first
            // The one place allowed to create the file: at start-up, before anything reads or writes it, and said out loud.
            var file = new SqliteConnectionStringBuilder(settings.CreationConnectionString).DataSource;
            if (!File.Exists(file))
            {
                logger.LogWarning("No database at {DatabaseFile}: creating an empty one", file);
            }

            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var connection = new SqliteConnection(settings.CreationConnectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode=WAL;";
                await command.ExecuteNonQueryAsync(cancellationToken);
                // Every module's history shares one table on SQLite (no schemas): one read says what is applied.
                command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
                if (await command.ExecuteScalarAsync(cancellationToken) is not null)
                {
                    command.CommandText = "SELECT MigrationId FROM \"__EFMigrationsHistory\"";
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        applied.Add(reader.GetString(0));
                    }
                }
            }

            // Checked, not re-run: a module whose migrations are all applied is not migrated again, so its model is built
            // by its first request rather than at start-up (migrating builds it, takes the migration lock, reads the history).
            var known = KnownMigrations();
            foreach (var database in databases.Where(d => !known[d.ContextType].All(applied.Contains)))
            {
                await ((DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType)).Database.MigrateAsync(cancellationToken);
            }

            logger.LogInformation("SQLite database ready in {DataDirectory}", settings.DataDirectory);
        }

        foreach (var task in startupTasks)
        {
            await task.RunAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    /// <summary>
    /// Each module's migration ids, read from the migrations assembly's attributes as EF reads them. EF's own
    /// <c>GetMigrations()</c> builds the module's model first: seven models at every start, for a list that is in the attributes.
    /// </summary>
    private static ILookup<Type, string> KnownMigrations() =>
        Assembly.Load(DatabaseSettings.SqliteMigrationsAssembly).GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)))
            .Select(t => (Context: t.GetCustomAttribute<DbContextAttribute>()?.ContextType, Id: t.GetCustomAttribute<MigrationAttribute>()?.Id))
            .Where(m => m.Context is not null && m.Id is not null)
            .ToLookup(m => m.Context!, m => m.Id!);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
