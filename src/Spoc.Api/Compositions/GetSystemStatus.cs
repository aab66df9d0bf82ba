using System.Diagnostics;
using System.Reflection;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Api.Compositions;

/// <summary>
/// GET /system: the platform admin's look at the running instance. It reads every module's outbox and the host's health
/// checks, which no module owns, so the host composes it. Two counts per outbox: the statement count depends on the
/// number of modules, never on the number of messages.
/// </summary>
internal static class GetSystemStatus
{
    public sealed record Query : IQuery<Response>;

    /// <param name="Version">The API's informational version (with its commit when the build stamped one).</param>
    /// <param name="DatabaseProvider"><c>Sqlite</c> or <c>SqlServer</c>.</param>
    /// <param name="StartedAt">When this process started.</param>
    /// <param name="UptimeSeconds">Seconds since it started.</param>
    /// <param name="Outbox">Integration events not yet handled, per module; <c>failed</c> ones have failed at least once and wait for their retry.</param>
    /// <param name="Health">The readiness checks' results (the database takes a write), run at this request.</param>
    public sealed record Response(string Version, string DatabaseProvider, DateTimeOffset StartedAt, long UptimeSeconds, IReadOnlyList<OutboxBacklog> Outbox, SystemHealth Health);

    public sealed record OutboxBacklog(string Module, int Pending, int Failed);

    /// <param name="Status"><c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c>: the worst of the checks.</param>
    public sealed record SystemHealth(string Status, IReadOnlyList<HealthCheckOutcome> Checks);

    public sealed record HealthCheckOutcome(string Name, string Status, string? Description, double DurationMs);

    private static readonly string AppVersion =
        typeof(GetSystemStatus).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private static readonly DateTimeOffset ProcessStart = new(Process.GetCurrentProcess().StartTime.ToUniversalTime(), TimeSpan.Zero);

    internal sealed class Handler(IServiceProvider services, IEnumerable<ModuleDatabase> databases, DatabaseSettings database, HealthCheckService health, TimeProvider clock)
        : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var outbox = new List<OutboxBacklog>();
            foreach (var module in databases.Where(d => d.HasOutbox))
            {
                var db = (ModuleDbContext)services.GetRequiredService(module.ContextType);
                var pending = db.OutboxMessages.AsNoTracking().Where(m => m.ProcessedAt == null);
                outbox.Add(new OutboxBacklog(module.ContextType.Name.Replace("DbContext", "", StringComparison.Ordinal),
                    await pending.CountAsync(cancellationToken), await pending.CountAsync(m => m.Attempts > 0, cancellationToken)));
            }

            var report = await health.CheckHealthAsync(cancellationToken);
            var now = clock.GetUtcNow();
            return new Response(AppVersion, database.Provider.ToString(), ProcessStart, (long)(now - ProcessStart).TotalSeconds, outbox,
                new SystemHealth(report.Status.ToString(),
                    [.. report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new HealthCheckOutcome(e.Key, e.Value.Status.ToString(), e.Value.Description, e.Value.Duration.TotalMilliseconds))]));
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/system", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new Query(), ct)))
            .WithName("GetSystemStatus")
            .WithTags("Platform")
            .WithSummary("Version, database, outbox backlog, health and uptime of the running API (platform admin)")
            .WithDescription("Platform admin only (403 otherwise). The health checks run at each call (the database must take a write). Outbox counts are per module: "
                + "`pending` events are not handled yet, `failed` ones among them failed at least once and wait for their retry.")
            .RequireAuthorization(Policies.PlatformAdmin)
            .Problems(ProblemType.Forbidden);
}
