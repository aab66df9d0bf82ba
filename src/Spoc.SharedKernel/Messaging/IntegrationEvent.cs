using Mediator;

namespace Spoc.SharedKernel.Messaging;

/// <summary>
/// A fact one module tells the others, past tense, declared in its Contracts.
/// Written to the module's outbox in the same transaction as the change it reports.
/// </summary>
public abstract record IntegrationEvent : INotification
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();
}
