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

/// <summary>DELETE /webhooks/{webhookId}: the webhook, its secrets, its queue and its log go; nothing more is sent to it.</summary>
internal static class DeleteWebhook
{
    public sealed record Command(Guid WebhookId) : ICommand;

    internal sealed class Handler(IntegrationsDbContext db, ISender sender, ICurrentUser me) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.RequireWebhookOrganizationAsync(sender, command.WebhookId, me, cancellationToken);
            // Deliveries, attempts and secrets go with it (cascade); a send under way finds its delivery gone and records nothing.
            await db.Endpoints.Where(e => e.Id == command.WebhookId).ExecuteDeleteAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapDelete("/webhooks/{webhookId:guid}", async (Guid webhookId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(webhookId), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteWebhook")
            .WithSummary("Delete a webhook (org admin)")
            .WithDescription("Its organisation's admins only (other members 403, anyone else 404). Its secrets, its queued messages and its delivery log are deleted with it; nothing more is sent.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
