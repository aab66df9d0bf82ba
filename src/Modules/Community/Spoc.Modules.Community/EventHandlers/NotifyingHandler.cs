using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Notifications;
using Spoc.SharedKernel.Messaging;
using Spoc.SharedKernel.Outbox;

namespace Spoc.Modules.Community.EventHandlers;

/// <summary>
/// An event that becomes notifications: written at most once per event (the inbox row commits with them), and once
/// committed, the mail sender and the live hub are told.
/// </summary>
internal abstract class NotifyingHandler<TEvent>(CommunityDbContext db, TimeProvider clock, Notifier notifier)
    : IntegrationEventHandler<TEvent, CommunityDbContext>(db, clock)
    where TEvent : IntegrationEvent
{
    protected Notifier Notifier => notifier;

    protected override Task AfterCommitAsync(CancellationToken ct) => notifier.DeliveredAsync(ct);
}
