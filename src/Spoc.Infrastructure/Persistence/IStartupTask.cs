namespace Spoc.SharedKernel.Persistence;

/// <summary>Work a module does once the database is migrated and before requests are served (bootstrap, demo data). Must be idempotent.</summary>
public interface IStartupTask
{
    Task RunAsync(IServiceProvider services, CancellationToken ct);
}
