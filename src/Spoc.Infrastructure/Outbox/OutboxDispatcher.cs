using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spoc.SharedKernel.Persistence;

namespace Spoc.SharedKernel.Outbox;

public sealed class OutboxOptions
{
    public bool Enabled { get; set; } = true;
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(2);
    public int BatchSize { get; set; } = 50;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);
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
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<ModuleDatabase> databases,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
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

        // Every outbox at each polling interval (retries come due, another process may have written); in between, only those a commit signalled.
        IReadOnlyCollection<Type> due = _outboxes;
        var lastFullPoll = clock.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var contextType in due)
                {
                    await DispatchPendingAsync(contextType, stoppingToken);
                }

                var signalled = await signal.WaitAsync(options.Value.PollingInterval, stoppingToken);
                var full = signalled.Count == 0 || clock.GetElapsedTime(lastFullPoll) >= options.Value.PollingInterval;
                due = full ? _outboxes : signalled;
                if (full)
                {
                    lastFullPoll = clock.GetTimestamp();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
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

    private async Task DispatchPendingAsync(Type contextType, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(contextType);
        var now = clock.GetUtcNow();
        var batch = await db.OutboxMessages
            .Where(m => m.ProcessedAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.OccurredAt)
            .Take(options.Value.BatchSize)
            .ToListAsync(ct);

        foreach (var message in batch)
        {
            await using var handlerScope = scopes.CreateAsyncScope();
            try
            {
                await handlerScope.ServiceProvider.GetRequiredService<IPublisher>().Publish((object)message.ToEvent(), ct);
                message.ProcessedAt = clock.GetUtcNow();
                message.LastError = null;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested) // a handler's own timeout is a failure to retry, not a shutdown
            {
                message.Attempts++;
                var delay = TimeSpan.FromTicks(Math.Min(
                    options.Value.MaxRetryDelay.Ticks,
                    options.Value.RetryBaseDelay.Ticks * (1L << Math.Min(message.Attempts - 1, 20))));
                message.NextAttemptAt = clock.GetUtcNow() + delay;
                message.LastError = ex.ToString()[..Math.Min(ex.ToString().Length, 2000)];
                logger.LogWarning(ex, "Outbox message {MessageId} ({Type}) failed (attempt {Attempts}); next try in {Delay}",
                    message.Id, message.Type, message.Attempts, delay);
            }

            await db.SaveChangesAsync(ct);
        }
    }
}
