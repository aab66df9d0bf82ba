using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Spoc.SharedKernel.Persistence;

/// <summary>A row that lists offer to sync by <c>updatedSince</c> (ADR 0046): when it last changed.</summary>
public interface IChangeStamped
{
    DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A synced row whose deletion leaves a tombstone, so that a system syncing the list learns it is gone.</summary>
public interface ILeavesTombstone
{
    object Tombstone(DateTimeOffset removedAt);
}

/// <summary>
/// Every save stamps the synced rows it adds or changes and writes a tombstone for each one it deletes, so that no
/// handler can forget to. Writes that bypass tracking (<c>ExecuteUpdate</c>) stamp <c>UpdatedAt</c> themselves.
/// </summary>
public sealed class ChangeStamps(TimeProvider clock) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            Stamp(context);
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            Stamp(context);
        }

        return base.SavingChanges(eventData, result);
    }

    private void Stamp(DbContext context)
    {
        var now = clock.GetUtcNow();
        foreach (var entry in context.ChangeTracker.Entries().ToList()) // Entries() detects changes first
        {
            if (entry is { State: EntityState.Added or EntityState.Modified, Entity: IChangeStamped stamped })
            {
                stamped.UpdatedAt = now;
            }
            else if (entry is { State: EntityState.Deleted, Entity: ILeavesTombstone gone })
            {
                context.Add(gone.Tombstone(now));
            }
        }
    }
}
