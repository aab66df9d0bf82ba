using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.SharedKernel.Outbox;

namespace Spoc.SharedKernel.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>
/// <c>Database:Provider</c>, <c>ConnectionStrings:Spoc</c> and <c>Spoc:DataDirectory</c>, read once.
/// On SQLite, only the start-up initializer may create the database file (<see cref="CreationConnectionString"/>);
/// every other connection opens it with <c>Mode=ReadWrite</c>, so a file deleted or moved away while running is an
/// error (503) rather than a new, empty database that would answer as if every account had vanished.
/// <c>Database:Synchronous</c> (SQLite): <c>Normal</c> by default, <c>Full</c> to fsync every commit (see <see cref="SqliteConnectionSettings"/>).
/// <c>Database:ThreadSafetyChecks</c>: EF's detection of one context used by two threads at once, a programming error.
/// Off by default: EF sets an async-local on entering and leaving every row it reads, which was a third of the bytes the
/// progress matrix allocated (docs/performance.md). Development and the tests turn it on, where such an error would show.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string CreationConnectionString, string DataDirectory, SqliteSynchronous Synchronous = SqliteSynchronous.Normal, bool ThreadSafetyChecks = false)
{
    public string ConnectionString { get; } = Provider == DatabaseProvider.Sqlite ? OpenExistingOnly(CreationConnectionString) : CreationConnectionString;

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var dataDirectory = Path.GetFullPath(configuration["Spoc:DataDirectory"] is { Length: > 0 } dir ? dir : "data");
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString("Spoc") is { Length: > 0 } cs
            ? cs
            : provider == DatabaseProvider.Sqlite
                // Default Timeout is also Microsoft.Data.Sqlite's busy timeout: writers wait instead of failing with SQLITE_BUSY.
                ? $"Data Source={Path.Combine(dataDirectory, "spoc.db")};Default Timeout=30;Pooling=True"
                : throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Spoc is empty.");
        return new DatabaseSettings(provider, connectionString, dataDirectory, configuration.GetValue("Database:Synchronous", SqliteSynchronous.Normal),
            configuration.GetValue<bool>("Database:ThreadSafetyChecks"));
    }

    private static string OpenExistingOnly(string connectionString)
    {
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        if (sqlite.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            sqlite.Mode = SqliteOpenMode.ReadWrite;
        }

        return sqlite.ToString();
    }

    /// <summary>
    /// <c>ids.Contains(x.Id)</c> sends the list as one JSON parameter (<c>json_each</c> on SQLite, <c>OPENJSON</c> on SQL Server),
    /// so its SQL is the same whatever the list. EF 10's default, one parameter per item, makes EF regenerate the statement's
    /// SQL under a lock on every execution: 15% of the roster's time under load went there (docs/performance.md).
    /// </summary>
    private const ParameterTranslationMode OneListParameter = ParameterTranslationMode.Parameter;

    /// <summary>The assembly holding every module's SQLite migrations.</summary>
    public const string SqliteMigrationsAssembly = "Spoc.Migrations.Sqlite";

    public void Configure(DbContextOptionsBuilder options, string schema)
    {
        const string history = "__EFMigrationsHistory";
        options.EnableThreadSafetyChecks(ThreadSafetyChecks);
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteStatementCache.Install();
            options.UseSqlite(ConnectionString, x => x.MigrationsAssembly(SqliteMigrationsAssembly).MigrationsHistoryTable(history, schema).UseParameterizedCollectionMode(OneListParameter))
                .AddInterceptors(_sqliteSettings.Value)
                .ReplaceService<IRelationalConnection, SqliteContextConnection>();
        }
        else
        {
            options.UseSqlServer(ConnectionString, x => x.MigrationsAssembly("Spoc.Migrations.SqlServer").MigrationsHistoryTable(history, schema).UseParameterizedCollectionMode(OneListParameter));
        }
    }

    // The connection's own timeout (Default Timeout, 30 s unless set) becomes SQLite's busy timeout: the same patience, spent waiting in SQLite.
    private readonly Lazy<SqliteConnectionSettings> _sqliteSettings = new(() => new SqliteConnectionSettings(
        new SqliteConnectionStringBuilder(CreationConnectionString).DefaultTimeout * 1000, Synchronous.ToString().ToUpperInvariant()));
}

/// <summary>SQLite's <c>synchronous</c> setting with the WAL journal: what a commit waits for.</summary>
public enum SqliteSynchronous
{
    /// <summary>The WAL is synced at checkpoints: survives a process crash, may lose the last commits on a power loss.</summary>
    Normal,

    /// <summary>Every commit is synced: survives a power loss, costs an fsync per write.</summary>
    Full,
}

/// <summary>Which DbContexts the start-up migrator and the outbox dispatcher visit.</summary>
public sealed record ModuleDatabase(Type ContextType, bool HasOutbox);

public static class PersistenceRegistration
{
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string schema)
        where TContext : DbContext
    {
        // Pooled: a request's context is a reset one from the pool, with options built once (settings and interceptors are
        // singletons), instead of options rebuilt, checked against EF's service-provider cache and a fresh set of EF's
        // internal services per request: ~10-15% of a read's CPU with two contexts per request (docs/performance.md).
        services.AddDbContextPool<TContext>((sp, options) =>
        {
            sp.GetRequiredService<DatabaseSettings>().Configure(options, schema);
            options.AddInterceptors(sp.GetServices<IInterceptor>());
        });
        services.AddSingleton(new ModuleDatabase(typeof(TContext), typeof(ModuleDbContext).IsAssignableFrom(typeof(TContext))));
        return services;
    }
}
