using Mediator;

namespace Spoc.Modules.Community.Live;

/// <summary>
/// In-process, after the notifications of these people are committed: the live hub tells each of them (and only them)
/// that their feed changed. Not an outbox event: a push missed by a crash is caught up by the next feed read.
/// </summary>
internal sealed record NotificationsDelivered(IReadOnlyList<Guid> UserIds) : INotification;
