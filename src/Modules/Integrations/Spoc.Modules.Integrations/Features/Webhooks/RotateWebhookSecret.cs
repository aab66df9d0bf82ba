using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Integrations.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Spoc.Modules.Integrations.Domain;

namespace Spoc.Modules.Integrations.Features.Webhooks;

/// <summary>
/// POST /webhooks/{webhookId}/rotate-secret: a new signing secret, shown once; during the overlap every request carries a
/// signature by each secret, so the receiver can switch without rejecting anything (0 ends the old one at once, after a leak).
/// </summary>
internal static class RotateWebhookSecret
{
    public const int MaxOverlapHours = 168;

    /// <param name="OverlapHours">How long the previous secret keeps signing too: 0 to 168; 24 when absent.</param>
    public sealed record Request(int? OverlapHours);

    public sealed record Command(Guid WebhookId, int OverlapHours) : ICommand<WebhookCredentials>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.OverlapHours).InclusiveBetween(0, MaxOverlapHours);
    }

    internal sealed class Handler(IntegrationsDbContext db, ISender sender, ICurrentUser me, IDataProtectionProvider protection, TimeProvider clock)
        : ICommandHandler<Command, WebhookCredentials>
    {
        public async ValueTask<WebhookCredentials> Handle(Command command, CancellationToken cancellationToken)
        {
            var endpoint = await db.RequireWebhookAsync(sender, command.WebhookId, me, cancellationToken, withSecrets: true);
            var now = clock.GetUtcNow();
            var secret = endpoint.NewSecret(WebhookSecret.Protector(protection), now, now.AddHours(command.OverlapHours));
            endpoint.Version = Guid.NewGuid(); // written only if nobody rotated in between: two rotations at once leave one new secret, not two
            await db.SaveChangesAsync(cancellationToken);
            var rotated = await WebhookResponse.Project(db, db.Endpoints.AsNoTracking().Where(e => e.Id == endpoint.Id), now).FirstAsync(cancellationToken);
            return new WebhookCredentials(endpoint.Id, secret, rotated);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/webhooks/{webhookId:guid}/rotate-secret", async (Guid webhookId, Request? request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(webhookId, request?.OverlapHours ?? 24), ct)))
            .WithName("RotateWebhookSecret")
            .WithSummary("Give a webhook a new signing secret, the previous one signing too for an overlap (org admin)")
            .WithDescription("Its organisation's admins only (other members 403, anyone else 404). The new `secret` is shown this once. For `overlapHours` (default 24, 0 to 168) "
                + "each request's `webhook-signature` holds one signature per secret, space-separated, so a receiver holding either verifies. Two rotations at once: one wins, the other is 409 concurrency-conflict.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
