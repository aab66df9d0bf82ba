using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Integrations.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

using Microsoft.AspNetCore.Mvc;
using Spoc.Modules.Integrations.Delivery;
using Spoc.Modules.Integrations.Domain;

namespace Spoc.Modules.Integrations.Features.Webhooks;

/// <summary>PUT /webhooks/{webhookId}: change its URL, event types or description, or pause it; its secret stays.</summary>
internal static class UpdateWebhook
{
    /// <param name="Paused">True pauses it (nothing new is queued, what is queued waits); false resumes a paused one. A webhook disabled for failing is enabled by POST .../enable.</param>
    public sealed record Request(string Url, IReadOnlyList<string> EventTypes, string? Description, bool Paused);

    public sealed record Command(Guid WebhookId, string Url, IReadOnlyList<string> EventTypes, string? Description, bool Paused, string? IfMatch) : ICommand<WebhookResponse>, IWebhookDefinition;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WebhookUrlCheck urls)
        {
            Include(new WebhookDefinitionValidator(urls));
            RuleFor(c => c.IfMatch).MaximumLength(200);
        }
    }

    internal sealed class Handler(IntegrationsDbContext db, ISender sender, ICurrentUser me, WebhookUrlCheck urls, WebhookSignal signal, TimeProvider clock) : ICommandHandler<Command, WebhookResponse>
    {
        public async ValueTask<WebhookResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var endpoint = await db.RequireWebhookAsync(sender, command.WebhookId, me, cancellationToken);
            db.Expect(endpoint, command.IfMatch);
            if (command.Url.Trim() != endpoint.Url)
            {
                // Only a new URL is resolved again: pausing a webhook whose receiver's name is down must stay possible.
                await urls.RequirePublicAsync(command.Url, cancellationToken);
            }

            endpoint.Url = command.Url.Trim();
            endpoint.EventTypes = [.. command.EventTypes];
            endpoint.Description = command.Description?.Trim();
            var was = endpoint.State;
            endpoint.State = (endpoint.State, command.Paused) switch
            {
                (WebhookState.Enabled, true) => WebhookState.Paused,
                (WebhookState.Paused, false) => WebhookState.Enabled,
                (var state, _) => state,
            };
            await db.SaveChangesAsync(cancellationToken);
            if (endpoint.State != was)
            {
                await (endpoint.State == WebhookState.Paused
                    ? db.ParkAsync(endpoint.Id, cancellationToken)
                    : db.ReleaseAsync(endpoint.Id, clock.GetUtcNow(), cancellationToken));
                signal.Wake();
            }

            return await WebhookResponse.Project(db, db.Endpoints.AsNoTracking().Where(e => e.Id == endpoint.Id), clock.GetUtcNow()).FirstAsync(cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/webhooks/{webhookId:guid}", async (Guid webhookId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(webhookId, request.Url, request.EventTypes, request.Description, request.Paused, ifMatch), ct)))
            .WithName("UpdateWebhook")
            .WithSummary("Change a webhook's URL, event types or description, or pause it (org admin)")
            .WithDescription("Its organisation's admins only (other members 403, anyone else 404). A new URL is checked as at creation (400 webhook-url-forbidden); an unchanged one is not resolved again. "
                + "`paused: true` stops queuing new events for it; those queued wait and go out in order when `paused: false` resumes it. A webhook disabled for failing stays so until POST /webhooks/{webhookId}/enable. "
                + "Send the `ETag` from the last read as `If-Match`: a stale one is 412.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, IntegrationsProblems.WebhookUrlForbidden);
}
