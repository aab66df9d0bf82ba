using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Integrations.Contracts;
using Spoc.Modules.Integrations.Data;
using Spoc.Modules.Integrations.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Integrations.Features.Webhooks;

/// <summary>GET /webhooks/{webhookId}/deliveries: the delivery log, newest first, filtered by state or event type.</summary>
internal static class ListWebhookDeliveries
{
    public sealed record Query(Guid WebhookId, string? State, string? EventType, PageRequest Paging) : IQuery<PagedResult<WebhookDeliveryResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
            RuleFor(q => q.State).MaximumLength(20).IsEnumName(typeof(DeliveryState)).WithMessage("Pending, Sending, Succeeded or Failed.");
            RuleFor(q => q.EventType).MaximumLength(40).Must(t => t is null || t == WebhookEventTypes.Ping || WebhookEventTypes.All.ContainsKey(t)).WithMessage("One of the event types, or webhook.ping.");
        }
    }

    internal sealed class Handler(IntegrationsDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, PagedResult<WebhookDeliveryResponse>>
    {
        public async ValueTask<PagedResult<WebhookDeliveryResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            await db.RequireWebhookOrganizationAsync(sender, query.WebhookId, me, cancellationToken);
            var deliveries = db.Deliveries.AsNoTracking().Where(d => d.EndpointId == query.WebhookId);
            if (query.State is not null)
            {
                var state = Enum.Parse<DeliveryState>(query.State);
                deliveries = deliveries.Where(d => d.State == state);
            }

            if (query.EventType is not null)
            {
                deliveries = deliveries.Where(d => d.Message.EventType == query.EventType);
            }

            return await WebhookDeliveryResponse.Project(deliveries.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)).ToPageAsync(query.Paging, cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/webhooks/{webhookId:guid}/deliveries", async (Guid webhookId, string? state, string? eventType, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(webhookId, state, eventType, paging), ct)))
            .WithName("ListWebhookDeliveries")
            .WithSummary("A webhook's delivery log (org admin)")
            .WithDescription("Its organisation's admins only (other members 403, anyone else 404). Every message queued for the webhook, newest first, with its state, attempts and the receiver's last status code; "
                + "`state` (Pending, Sending, Succeeded, Failed) and `eventType` filter it. Succeeded deliveries are kept 30 days. Paged.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
