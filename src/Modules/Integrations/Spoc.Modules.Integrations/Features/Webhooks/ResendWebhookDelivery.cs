using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Integrations.Data;
using Spoc.Modules.Integrations.Delivery;
using Spoc.Modules.Integrations.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Integrations.Features.Webhooks;

/// <summary>POST /webhooks/{webhookId}/deliveries/{deliveryId}/resend: the same message again, now, under the same <c>webhook-id</c>.</summary>
internal static class ResendWebhookDelivery
{
    public sealed record Command(Guid WebhookId, Guid DeliveryId) : ICommand;

    internal sealed class Handler(IntegrationsDbContext db, ISender sender, ICurrentUser me, WebhookSignal signal, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var endpoint = await db.RequireWebhookAsync(sender, command.WebhookId, me, cancellationToken);
            var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == command.DeliveryId && d.EndpointId == command.WebhookId, cancellationToken)
                ?? throw ProblemException.NotFound("This delivery");
            if (endpoint.State != WebhookState.Enabled && !delivery.Ping)
            {
                throw IntegrationsProblems.WebhookDisabled.Exception();
            }

            // Sending now is all that changes: one under way keeps its claim, and a pending one just stops waiting.
            await db.Deliveries.Where(d => d.Id == delivery.Id && d.State != DeliveryState.Sending)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Pending).SetProperty(d => d.NextAttemptAt, clock.GetUtcNow())
                    .SetProperty(d => d.Attempts, d => d.State == DeliveryState.Failed ? 0 : d.Attempts), cancellationToken);
            signal.Wake();
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/webhooks/{webhookId:guid}/deliveries/{deliveryId:guid}/resend", async (Guid webhookId, Guid deliveryId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(webhookId, deliveryId), ct);
                return TypedResults.Accepted($"/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}");
            })
            .WithName("ResendWebhookDelivery")
            .WithSummary("Send a delivery again now (org admin)")
            .WithDescription("Its organisation's admins only (other members 403, anyone else 404). The same body under the same `webhook-id` (receivers drop it if they already have it), newly signed, within seconds; "
                + "a failed delivery gets a fresh set of scheduled attempts. A message still behind an earlier one of its subject waits for it. A paused or disabled webhook: enable it first (409 webhook-disabled).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, IntegrationsProblems.WebhookDisabled);
}
