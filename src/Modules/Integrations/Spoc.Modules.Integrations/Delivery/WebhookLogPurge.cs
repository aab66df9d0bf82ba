using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spoc.Modules.Integrations.Data;
using Spoc.Modules.Integrations.Domain;
using Spoc.SharedKernel.Scheduling;

namespace Spoc.Modules.Integrations.Delivery;

/// <summary>
/// Hourly, on one instance (ADR 0051): succeeded deliveries older than <see cref="WebhookOptions.LogRetention"/> leave the
/// log with their attempts, then the messages no delivery points at. Runs where webhooks are sent.
/// </summary>
internal sealed class WebhookLogPurge(
    IServiceScopeFactory scopes, IOptions<WebhookOptions> options, LeaseHolder holder, IOptions<SchedulingOptions> scheduling, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<WebhookLogPurge> logger)
    : ScheduledJob<IntegrationsDbContext>(scopes, holder, scheduling, clock, lifetime, logger)
{
    protected override string Job => "Integrations.WebhookLogPurge";

    protected override TimeSpan Period => TimeSpan.FromHours(1);

    protected override bool Enabled => options.Value.Send;

    protected override async Task RunAsync(CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var before = Clock.GetUtcNow() - options.Value.LogRetention;
        await db.Deliveries.Where(d => d.State == DeliveryState.Succeeded && d.DeliveredAt < before).ExecuteDeleteAsync(ct);
        await db.Messages.Where(m => m.OccurredAt < before && !db.Deliveries.Any(d => d.MessageSequence == m.Sequence)).ExecuteDeleteAsync(ct);
    }
}
