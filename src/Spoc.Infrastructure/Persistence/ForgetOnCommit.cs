using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Spoc.SharedKernel.Persistence;

/// <summary>
/// Notes what a save on <typeparamref name="TContext"/> touches and has a cache forget it once the change is committed:
/// after the save, or after the transaction's commit when the save runs in one (a request reading between the save and
/// the commit would otherwise put the old rows back). Nothing is forgotten for a save or a transaction that fails; a save
/// cancelled outside a transaction may have committed, so it forgets. The modules save asynchronously: only the
/// asynchronous events are handled.
/// </summary>
public abstract class ForgetOnCommit<TContext, TKey> : SaveChangesInterceptor, IDbTransactionInterceptor where TContext : DbContext where TKey : notnull
{
    private readonly ConditionalWeakTable<DbContext, HashSet<TKey>> _touched = [];

    /// <summary>The keys the pending changes of <paramref name="db"/> touch.</summary>
    protected abstract ValueTask<IReadOnlyCollection<TKey>> TouchedAsync(TContext db, CancellationToken ct);

    protected abstract Task ForgetAsync(IReadOnlyCollection<TKey> touched);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is TContext db && await TouchedAsync(db, cancellationToken) is { Count: > 0 } touched)
        {
            _touched.GetOrCreateValue(db).UnionWith(touched);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is TContext { Database.CurrentTransaction: null } db)
        {
            await ForgetAsync(db);
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is TContext db && db.Database.CurrentTransaction is null)
        {
            _touched.Remove(db);
        }

        return Task.CompletedTask;
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is TContext { Database.CurrentTransaction: null } db)
        {
            await ForgetAsync(db);
        }
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is TContext db)
        {
            await ForgetAsync(db);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is TContext db)
        {
            _touched.Remove(db);
        }

        return Task.CompletedTask;
    }

    private async Task ForgetAsync(DbContext db)
    {
        if (_touched.TryGetValue(db, out var touched))
        {
            _touched.Remove(db);
            await ForgetAsync(touched);
        }
    }
}
