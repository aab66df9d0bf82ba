using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Integrations.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

using Spoc.SharedKernel.Paging;

namespace Spoc.Modules.Integrations.Features.Webhooks;

/// <summary>GET /organizations/{orgId}/webhooks: the organisation's webhooks, oldest first, with their state and last delivery.</summary>
internal static class ListWebhooks
{
    public sealed record Query(Guid OrganizationId, PageRequest Paging) : IQuery<PagedResult<WebhookResponse>>;

    internal sealed class Validator : FluentValidation.AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(IntegrationsDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : IQueryHandler<Query, PagedResult<WebhookResponse>>
    {
        public async ValueTask<PagedResult<WebhookResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            await sender.RequireOrgAdminAsync(query.OrganizationId, me, cancellationToken);
            var endpoints = db.Endpoints.AsNoTracking().Where(e => e.OrganizationId == query.OrganizationId).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id);
            return await WebhookResponse.Project(db, endpoints, clock.GetUtcNow()).ToPageAsync(query.Paging, cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/organizations/{orgId:guid}/webhooks", async (Guid orgId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(orgId, paging), ct)))
            .WithName("ListWebhooks")
            .WithSummary("The organisation's webhooks (org admin)")
            .WithDescription("Org admins only (other members 403, outsiders 404). Never a secret: each webhook lists the last four characters of the secrets that sign now, its event types, its state (Enabled, Paused, DisabledFailing), since when it fails, and its last delivery. Paged; oldest first.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
