using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spoc.SharedKernel.Persistence;

namespace Spoc.SharedKernel.Scheduling;

/// <summary>
/// Work every instance schedules and one instance runs per period (ADR 0051): at each tick of <see cref="Period"/> on the
/// injected clock, an instance takes the job's <see cref="ScheduledRun"/> row with one conditional update — only if the
/// last run started a period ago or more and nobody's lease is running — runs the job if it won, and lets the row go.
/// A vanished instance's run is taken over once its lease (<see cref="SchedulingOptions.LeaseDuration"/>) has lapsed.
/// </summary>
public abstract class ScheduledJob<TContext>(
    IServiceScopeFactory scopes, LeaseHolder holder, IOptions<SchedulingOptions> scheduling, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger logger)
    : BackgroundService
    where TContext : DbContext, IHasScheduledRuns
{
    protected IServiceScopeFactory Scopes => scopes;

    protected TimeProvider Clock => clock;

    protected ILogger Logger => logger;

    /// <summary>The row's key, unique in the module: "Module.Job".</summary>
    protected abstract string Job { get; }

    protected abstract TimeSpan Period { get; }

    protected virtual bool Enabled => true;

    /// <summary>
    /// Work that can wait sleeps this long after start-up before its first run. At the host's start, five jobs building
    /// their module's model and claiming their rows took 0.3 to 0.4 s of CPU from the first requests on two cores, and
    /// cold start to ready as much (docs/performance.md); none of them is due to the second.
    /// </summary>
    protected virtual TimeSpan FirstRunAfter => TimeSpan.FromSeconds(10);

    protected abstract Task RunAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled || !await lifetime.StartedAsync(stoppingToken))
        {
            return;
        }

        try
        {
            await Task.Delay(FirstRunAfter, clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunIfDueAsync(stoppingToken);
                await Task.Delay(Period, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a run under way released its lease on its way out.
        }
    }

    /// <summary>One tick: this period's run if no other instance has taken it. True when it ran here.</summary>
    internal async Task<bool> RunIfDueAsync(CancellationToken ct)
    {
        try
        {
            if (!await TryClaimAsync(ct))
            {
                return false;
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Scheduled job {Job} could not be claimed; trying again at the next tick", Job);
            return false;
        }

        var started = clock.GetTimestamp();
        try
        {
            await RunAsync(ct);
            logger.LogInformation("Scheduled job {Job} ran on this instance in {Elapsed} ms", Job, (int)clock.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Scheduled job {Job} failed; the next period runs it again", Job);
        }
        finally
        {
            await ReleaseAsync();
        }

        return true;
    }

    private async Task<bool> TryClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var (job, me, now) = (Job, holder.Id, clock.GetUtcNow());
        var (due, clockMismatch, until) = (now - Period, now + Period, now + scheduling.Value.LeaseDuration);
        // A last run more than a period in this clock's future was dated by another clock (a copied or restored database), not by a peer.
        var claimed = await db.ScheduledRuns
            .Where(r => r.Job == job && (r.LastRunAt <= due || r.LastRunAt > clockMismatch) && (r.RunningUntil == null || r.RunningUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.HeldBy, me).SetProperty(r => r.RunningUntil, until).SetProperty(r => r.LastRunAt, now), ct);
        if (claimed == 1)
        {
            return true;
        }

        if (await db.ScheduledRuns.AnyAsync(r => r.Job == job, ct))
        {
            return false;
        }

        db.ScheduledRuns.Add(new ScheduledRun { Job = job, HeldBy = me, RunningUntil = until, LastRunAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return false; // another instance ran the job's very first run
        }
    }

    /// <summary>Lets the row go, even while stopping (a bounded wait of its own): the next period's run need not wait for the lease to lapse.</summary>
    private async Task ReleaseAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var (job, me) = (Job, holder.Id);
            await scope.ServiceProvider.GetRequiredService<TContext>().ScheduledRuns.Where(r => r.Job == job && r.HeldBy == me)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.RunningUntil, (DateTimeOffset?)null), timeout.Token);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Scheduled job {Job} could not release its lease; it lapses by itself", Job);
        }
    }
}
