using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Integrations.Contracts;
using Spoc.Modules.Integrations.Data;
using Spoc.Modules.Integrations.Delivery;
using Spoc.Modules.Integrations.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Integrations.Features.Webhooks;

/// <summary>POST /organizations/{orgId}/webhooks: an org admin subscribes another system's https endpoint to event types; its signing secret is shown this once.</summary>
internal static class CreateWebhook
{
    public sealed record Request(string Url, IReadOnlyList<string> EventTypes, string? Description);

    public sealed record Command(Guid OrganizationId, string Url, IReadOnlyList<string> EventTypes, string? Description) : ICommand<WebhookCredentials>, IWebhookDefinition;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator(WebhookUrlCheck urls) => Include(new WebhookDefinitionValidator(urls));
    }

    internal sealed class Handler(IntegrationsDbContext db, ISender sender, ICurrentUser me, WebhookUrlCheck urls, IDataProtectionProvider protection, TimeProvider clock)
        : ICommandHandler<Command, WebhookCredentials>
    {
        public async ValueTask<WebhookCredentials> Handle(Command command, CancellationToken cancellationToken)
        {
            await sender.RequireOrgAdminAsync(command.OrganizationId, me, cancellationToken);
            if (await db.Endpoints.CountAsync(e => e.OrganizationId == command.OrganizationId, cancellationToken) >= WebhookEndpoint.MaxPerOrganization)
            {
                throw IntegrationsProblems.TooManyWebhooks.Exception(WebhookEndpoint.MaxPerOrganization);
            }

            await urls.RequirePublicAsync(command.Url, cancellationToken);

            var now = clock.GetUtcNow();
            var endpoint = new WebhookEndpoint
            {
                OrganizationId = command.OrganizationId, Url = command.Url.Trim(), Description = command.Description?.Trim(),
                EventTypes = [.. command.EventTypes], CreatedAt = now, CreatedBy = me.Id,
            };
            var secret = endpoint.NewSecret(WebhookSecret.Protector(protection), now, now);
            db.Endpoints.Add(endpoint);
            await db.SaveChangesAsync(cancellationToken);
            var created = await WebhookResponse.Project(db, db.Endpoints.AsNoTracking().Where(e => e.Id == endpoint.Id), now).FirstAsync(cancellationToken);
            return new WebhookCredentials(endpoint.Id, secret, created);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/organizations/{orgId:guid}/webhooks", async (Guid orgId, Request request, ISender sender, CancellationToken ct) =>
            {
                var credentials = await sender.Send(new Command(orgId, request.Url, request.EventTypes, request.Description), ct);
                return TypedResults.Created($"/api/v1/webhooks/{credentials.WebhookId}", credentials);
            })
            .WithName("CreateWebhook")
            .WithSummary("Subscribe an https endpoint to the organisation's events (org admin)")
            .WithDescription("Org admins only (other members 403, outsiders 404). `eventTypes`: any of "
                + string.Join(", ", WebhookEventTypes.All.Keys.Select(t => $"`{t}`"))
                + ". Each event is POSTed as JSON signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the `secret` in the answer, shown this once. "
                + "The URL must be https on a public address: loopback, private, link-local (cloud metadata), shared and reserved addresses are refused (400 webhook-url-forbidden), "
                + "whether written as such or resolved from the name; the addresses are checked again at each connection, and redirects are not followed. "
                + "At most 10 webhooks per organisation (409 too-many-webhooks). docs/integrations.md shows how to verify a request.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, IntegrationsProblems.WebhookUrlForbidden, IntegrationsProblems.TooManyWebhooks);
}
