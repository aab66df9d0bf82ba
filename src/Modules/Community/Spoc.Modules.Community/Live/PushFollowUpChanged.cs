using Mediator;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Spoc.Modules.Community.Contracts;

namespace Spoc.Modules.Community.Live;

/// <summary>
/// Tells the follow-up staff named by the follow-up module that levels changed in a cohort: hub method
/// <see cref="NotificationsHub.FollowUpChanged"/> with <see cref="FollowUpChanged"/>, ids only (ADR 0026): the dashboard
/// refetches through the API, whose scope rules are the ones that count. A failed push is logged, never thrown: the
/// follow-up's commit already happened and the next read catches up.
/// </summary>
internal sealed class PushFollowUpChangedHandler(IHubContext<NotificationsHub> hub, ILogger<PushFollowUpChangedHandler> logger)
    : ICommandHandler<PushFollowUpChanged>
{
    public async ValueTask<Unit> Handle(PushFollowUpChanged command, CancellationToken cancellationToken)
    {
        if (command.UserIds.Count == 0)
        {
            return Unit.Value;
        }

        try
        {
            await hub.Clients.Users(command.UserIds.Distinct().Select(LiveUsers.Of))
                .SendAsync(NotificationsHub.FollowUpChanged, new FollowUpChanged(command.CohortId), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The live follow-up push of cohort {CohortId} to {Count} people failed", command.CohortId, command.UserIds.Count);
        }

        return Unit.Value;
    }
}

/// <summary>The payload of <c>followUpChanged</c>: which cohort's dashboard to refetch, nothing about any learner (ADR 0026).</summary>
internal sealed record FollowUpChanged(Guid CohortId);
