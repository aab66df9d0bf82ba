using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Integrations.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Integrations.Features.Webhooks;

/// <summary>GET /webhooks/{webhookId}/deliveries/{deliveryId}: one delivery, its body and its attempts.</summary>
internal static class GetWebhookDelivery
{
    public sealed record Query(Guid WebhookId, Guid DeliveryId) : IQuery<WebhookDeliveryDetail>;

    internal sealed class Handler(IntegrationsDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, WebhookDeliveryDetail>
    {
        public async ValueTask<WebhookDeliveryDetail> Handle(Query query, CancellationToken cancellationToken)
        {
            await db.RequireWebhookOrganizationAsync(sender, query.WebhookId, me, cancellationToken);
            var deliveries = db.Deliveries.AsNoTracking().Where(d => d.Id == query.DeliveryId && d.EndpointId == query.WebhookId);
            var delivery = await WebhookDeliveryResponse.Project(deliveries).FirstOrDefaultAsync(cancellationToken) ?? throw ProblemException.NotFound("This delivery");
            var payload = await deliveries.Select(d => d.Message.Payload).FirstAsync(cancellationToken);
            var attempts = await db.Attempts.AsNoTracking().Where(a => a.DeliveryId == query.DeliveryId).OrderByDescending(a => a.At).Take(50)
                .Select(a => new WebhookAttemptResponse(a.At, a.StatusCode, a.DurationMs, a.Error, a.ResponseExcerpt)).ToListAsync(cancellationToken);
            return new WebhookDeliveryDetail(delivery, JsonDocument.Parse(payload).RootElement.Clone(), attempts);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/webhooks/{webhookId:guid}/deliveries/{deliveryId:guid}", async (Guid webhookId, Guid deliveryId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(webhookId, deliveryId), ct)))
            .WithName("GetWebhookDelivery")
            .WithSummary("A delivery with its body and attempts (org admin)")
            .WithDescription("Its organisation's admins only (other members 403, anyone else 404). The JSON body exactly as signed and sent, and its attempts (newest first, the last 50): status code, duration, error, and the start of the receiver's answer.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
