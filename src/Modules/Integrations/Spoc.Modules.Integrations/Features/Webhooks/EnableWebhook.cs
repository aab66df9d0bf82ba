using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Integrations.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Integrations.Delivery;
using Spoc.Modules.Integrations.Domain;

namespace Spoc.Modules.Integrations.Features.Webhooks;

/// <summary>POST /webhooks/{webhookId}/enable: a paused webhook, or one disabled for failing, sends again; what waited goes out in order.</summary>
internal static class EnableWebhook
{
    public sealed record Command(Guid WebhookId) : ICommand;

    internal sealed class Handler(IntegrationsDbContext db, ISender sender, ICurrentUser me, WebhookSignal signal, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var endpoint = await db.RequireWebhookAsync(sender, command.WebhookId, me, cancellationToken);
            if (endpoint.State != WebhookState.Enabled)
            {
                endpoint.State = WebhookState.Enabled;
                endpoint.FailingSince = null; // a fresh day before it can be disabled again
                endpoint.DisabledAt = null;
                await db.SaveChangesAsync(cancellationToken);
                await db.ReleaseAsync(endpoint.Id, clock.GetUtcNow(), cancellationToken);
                signal.Wake();
            }

            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/webhooks/{webhookId:guid}/enable", async (Guid webhookId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(webhookId), ct);
                return TypedResults.NoContent();
            })
            .WithName("EnableWebhook")
            .WithSummary("Enable a paused webhook, or one disabled after failing (org admin)")
            .WithDescription("Its organisation's admins only (other members 403, anyone else 404). The messages queued while it was paused or disabled go out, in order per subject, from now; "
                + "it gets a full `Webhooks:DisableAfter` (a day) of failures before being disabled again. Enabling an enabled webhook changes nothing.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
