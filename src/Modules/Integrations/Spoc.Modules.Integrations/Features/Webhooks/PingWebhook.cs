using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Integrations.Contracts;
using Spoc.Modules.Integrations.Data;
using Spoc.Modules.Integrations.Delivery;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Integrations.Features.Webhooks;

/// <summary>POST /webhooks/{webhookId}/ping: a signed <c>webhook.ping</c> now, to check a receiver (even a paused or disabled webhook's).</summary>
internal static class PingWebhook
{
    public sealed record Command(Guid WebhookId) : ICommand<PingQueued>;

    /// <param name="DeliveryId">Follow it at GET /webhooks/{webhookId}/deliveries/{deliveryId}.</param>
    public sealed record PingQueued(Guid DeliveryId);

    internal sealed class Handler(IntegrationsDbContext db, ISender sender, ICurrentUser me, WebhookSignal signal, TimeProvider clock) : ICommandHandler<Command, PingQueued>
    {
        public async ValueTask<PingQueued> Handle(Command command, CancellationToken cancellationToken)
        {
            var organizationId = await db.RequireWebhookOrganizationAsync(sender, command.WebhookId, me, cancellationToken);
            var now = clock.GetUtcNow();
            var id = Guid.CreateVersion7();
            // Its own subject: a ping never waits behind a message held by failures, nor holds one back.
            var message = WebhookMessages.Create(WebhookEventTypes.Ping, $"msg_{id:N}", organizationId, $"ping:{id:N}", now, new PingData(command.WebhookId));
            var delivery = WebhookMessages.Deliver(message, command.WebhookId, now, ping: true);
            db.Deliveries.Add(delivery);
            await db.SaveChangesAsync(cancellationToken);
            signal.Wake();
            return new PingQueued(delivery.Id);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/webhooks/{webhookId:guid}/ping", async (Guid webhookId, ISender sender, CancellationToken ct) =>
            {
                var queued = await sender.Send(new Command(webhookId), ct);
                return TypedResults.Accepted($"/api/v1/webhooks/{webhookId}/deliveries/{queued.DeliveryId}", queued);
            })
            .WithName("PingWebhook")
            .WithSummary("Send a signed test event to a webhook (org admin)")
            .WithDescription("Its organisation's admins only (other members 403, anyone else 404). Queues a `webhook.ping` event, signed like any other, sent within seconds even to a paused or disabled webhook "
                + "(to check a repaired receiver before enabling it); `Location` is its delivery in the log, with the receiver's status code once sent.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
