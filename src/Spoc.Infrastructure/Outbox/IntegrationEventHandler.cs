using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.SharedKernel.Messaging;
using Spoc.SharedKernel.Persistence;

namespace Spoc.SharedKernel.Outbox;

/// <summary>
/// Base of every reaction to another module's event: it runs at most once per event, however often the
/// dispatcher delivers it, because its inbox row commits in the same SaveChanges as the handler's own changes.
/// </summary>
public abstract class IntegrationEventHandler<TEvent, TContext>(TContext db, TimeProvider clock) : INotificationHandler<TEvent>
    where TEvent : IntegrationEvent
    where TContext : ModuleDbContext
{
    protected TContext Db => db;

    protected TimeProvider Clock => clock;

    public async ValueTask Handle(TEvent notification, CancellationToken cancellationToken)
    {
        var handler = GetType().FullName!;
        if (await db.InboxRecords.AnyAsync(r => r.EventId == notification.EventId && r.Handler == handler, cancellationToken))
        {
            return;
        }

        try
        {
            await HandleOnceAsync(notification, cancellationToken);
        }
        catch
        {
            // Handlers of one event share the scope's DbContext: never let a sibling's save commit half of this work.
            db.ChangeTracker.Clear();
            throw;
        }

        db.InboxRecords.Add(new InboxRecord { EventId = notification.EventId, Handler = handler, HandledAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        await AfterCommitAsync(cancellationToken);
    }

    protected abstract Task HandleOnceAsync(TEvent integrationEvent, CancellationToken ct);

    /// <summary>
    /// Once the handler's changes and its inbox row are committed: in-process signals that must not fire for work that
    /// could still roll back (a live push, waking a mail sender). Not retried: what it signals is caught up otherwise.
    /// </summary>
    protected virtual Task AfterCommitAsync(CancellationToken ct) => Task.CompletedTask;
}
