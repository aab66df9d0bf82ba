using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spoc.SharedKernel.Messaging;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Scheduling;

namespace Spoc.SharedKernel.Outbox;

public sealed class OutboxOptions
{
    public bool Enabled { get; set; } = true;
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(2);
    public int BatchSize { get; set; } = 50;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a claimed batch is this instance's (renewed every third of it while it works): a crashed instance's batch waits this long.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Wakes the dispatcher as soon as a transaction that wrote to an outbox commits, instead of waiting for the next poll,
/// and tells it which outboxes: a save that added no outbox row (most writes, and the dispatcher's own bookkeeping) wakes nothing.
/// </summary>
public sealed class OutboxSignal : SaveChangesInterceptor, IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    private readonly ConcurrentDictionary<Type, bool> _pending = new();

    // Per DbContext instance: whether the save under way adds an outbox row (the entries are no longer Added once saved).
    private readonly ConditionalWeakTable<DbContext, object> _writing = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ModuleDbContext context && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            _writing.AddOrUpdate(context, context);
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _writing.Remove(context))
        {
            _pending[context.GetType()] = true;
            if (_signal.CurrentCount == 0)
            {
                try { _signal.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
            }
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            _writing.Remove(context);
        }

        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    /// <summary>The DbContext types whose outbox got rows since the last call, once signalled; empty when <paramref name="timeout"/> passed first.</summary>
    internal async Task<IReadOnlyCollection<Type>> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (!await _signal.WaitAsync(timeout, ct))
        {
            return [];
        }

        var signalled = _pending.Keys.ToList();
        foreach (var type in signalled)
        {
            _pending.TryRemove(type, out _);
        }

        return signalled;
    }

    public void Dispose() => _signal.Dispose();
}

/// <summary>
/// Publishes every module's pending outbox messages through the mediator, each in its own scope.
/// A failing handler leaves the message pending with a growing delay; handlers that already succeeded
/// skip it on redelivery thanks to their inbox, so each handler sees each event once.
/// With several instances (ADR 0050), an instance publishes only the messages it claimed: the oldest due batch of a
/// context, taken whole by one conditional update that succeeds only while no other instance holds a live claim in that
/// context, so one context's messages are published by one instance at a time, in order. The claim is renewed in the background every third
/// of the lease while the batch is out, released on shutdown, and a crashed instance's claim lapses after <see cref="OutboxOptions.LeaseDuration"/>.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<ModuleDatabase> databases,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    LeaseHolder holder,
    IHostApplicationLifetime lifetime,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly Type[] _outboxes = databases.Where(d => d.HasOutbox).Select(d => d.ContextType).ToArray();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !await lifetime.StartedAsync(stoppingToken))
        {
            return;
        }

        // Every outbox at each polling interval (retries come due, another process may have written); in between, only those a commit
        // signalled, and those whose last batch was full: a backlog drains batch after batch instead of one batch per interval.
        // The first full pass waits one interval: at start it built every module's model while the first requests waited for the cores.
        IReadOnlyCollection<Type> due = [];
        var lastFullPoll = clock.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var backlog = new List<Type>();
                foreach (var contextType in due)
                {
                    if (await DispatchPendingAsync(contextType, stoppingToken))
                    {
                        backlog.Add(contextType);
                    }
                }

                var signalled = await signal.WaitAsync(backlog.Count > 0 ? TimeSpan.Zero : options.Value.PollingInterval, stoppingToken);
                var full = (signalled.Count == 0 && backlog.Count == 0) || clock.GetElapsedTime(lastFullPoll) >= options.Value.PollingInterval;
                due = full ? _outboxes : [.. signalled.Union(backlog)];
                if (full)
                {
                    lastFullPoll = clock.GetTimestamp();
                }
            }
            // Any exception once stopping is the stop: the mediator wraps several handlers' cancellations in an AggregateException.
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatch loop failed; retrying after the polling interval");
                await Task.Delay(options.Value.PollingInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>
    /// One batch of a context: the oldest due messages are read (an idle outbox costs this one query), claimed, published
    /// one by one and marked. A constant number of statements per batch besides one per message. True when the batch was
    /// full and all of it published: more may be waiting.
    /// </summary>
    private async Task<bool> DispatchPendingAsync(Type contextType, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(contextType);
        var now = clock.GetUtcNow();
        var batch = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ProcessedAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.OccurredAt)
            .Take(options.Value.BatchSize)
            .Select(m => new Pending(m.Id, m.Type, m.Payload, m.Attempts))
            .ToListAsync(ct);
        if (batch.Count == 0)
        {
            return false;
        }

        var ids = batch.Select(m => m.Id).ToList();
        var (me, until) = (holder.Id, now + options.Value.LeaseDuration);
        // The row's own test runs under the update's lock (one claimant per row on either provider); the context's test
        // keeps a second instance from publishing later messages while an earlier batch is still out.
        var claimed = await db.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.ProcessedAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil <= now))
            .Where(m => !db.OutboxMessages.Any(o => o.ProcessedAt == null && o.LockedUntil > now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, me).SetProperty(m => m.LockedUntil, until), ct);
        if (claimed == 0)
        {
            return false; // another instance is publishing this context
        }

        if (claimed < batch.Count)
        {
            // Some were published (or deferred) between the read and the claim: keep those this instance holds, still in order.
            var mine = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id) && m.LockedBy == me && m.ProcessedAt == null).Select(m => m.Id).ToListAsync(ct);
            batch = batch.Where(m => mine.Contains(m.Id)).ToList();
        }

        var (full, left) = (batch.Count == options.Value.BatchSize, batch.Count);
        // Renewed in the background, not between messages: a handler slower than the lease (a mail relay's timeout) must
        // not let another instance take the batch over while it runs.
        using var lease = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = RenewAsync(contextType, ids, me, lease);
        try
        {
            foreach (var message in batch)
            {
                await PublishAsync(db, message, lease.Token);
                left--;
            }
        }
        catch (Exception) when (lease.IsCancellationRequested && !ct.IsCancellationRequested) // a cancellation, possibly wrapped as above
        {
            logger.LogWarning("Outbox claim of {Context} lapsed before its batch was done; another instance carries on", contextType.Name);
        }
        finally
        {
            await lease.CancelAsync();
            await renewing;
            if (left > 0)
            {
                await ReleaseAsync(db, ids, me);
            }
        }

        return full && left == 0;
    }

    /// <summary>Keeps the batch's claim alive every third of the lease; cancels <paramref name="lease"/> when it was lost.</summary>
    private async Task RenewAsync(Type contextType, List<Guid> ids, string me, CancellationTokenSource lease)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Value.LeaseDuration / 3, clock, lease.Token);
                await using var scope = scopes.CreateAsyncScope();
                var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(contextType);
                var until = clock.GetUtcNow() + options.Value.LeaseDuration;
                // Rows taken over by another instance no longer carry this holder: none renewed means the claim is gone.
                if (await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.LockedBy == me && m.ProcessedAt == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until), lease.Token) == 0)
                {
                    await lease.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (lease.IsCancellationRequested)
        {
            // the batch is done, or stopping
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Outbox claim of {Context} could not be renewed; publishing stops", contextType.Name);
            await lease.CancelAsync();
        }
    }

    private async Task PublishAsync(ModuleDbContext db, Pending message, CancellationToken ct)
    {
        await using var handlerScope = scopes.CreateAsyncScope();
        try
        {
            await handlerScope.ServiceProvider.GetRequiredService<IPublisher>().Publish((object)message.ToEvent(), ct);
            var processedAt = clock.GetUtcNow();
            await db.OutboxMessages.Where(m => m.Id == message.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, processedAt).SetProperty(m => m.LastError, (string?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested) // a handler's own timeout is a failure to retry, not a shutdown
        {
            var attempts = message.Attempts + 1;
            var delay = TimeSpan.FromTicks(Math.Min(
                options.Value.MaxRetryDelay.Ticks,
                options.Value.RetryBaseDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
            var (next, error) = (clock.GetUtcNow() + delay, ex.ToString()[..Math.Min(ex.ToString().Length, 2000)]);
            // Released with its retry date: the next claim of the context, by any instance, picks it up when it is due.
            await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), ct);
            logger.LogWarning(ex, "Outbox message {MessageId} ({Type}) failed (attempt {Attempts}); next try in {Delay}",
                message.Id, message.Type, attempts, delay);
        }
    }

    /// <summary>
    /// What this instance claimed and did not publish goes back at once (shutdown, a lost claim, a failed mark), even while
    /// stopping (a bounded wait of its own), so that another instance need not wait for the claim to lapse.
    /// </summary>
    private async Task ReleaseAsync(ModuleDbContext db, List<Guid> ids, string me)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.LockedBy == me && m.ProcessedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), timeout.Token);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Outbox claim could not be released; it lapses by itself");
        }
    }

    private sealed record Pending(Guid Id, string Type, string Payload, int Attempts)
    {
        public IntegrationEvent ToEvent() => OutboxMessage.ToEvent(Id, Type, Payload);
    }
}
