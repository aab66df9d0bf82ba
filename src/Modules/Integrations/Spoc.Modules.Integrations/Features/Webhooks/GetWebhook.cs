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

/// <summary>GET /webhooks/{webhookId}: one webhook, with the ETag its changes send back as If-Match.</summary>
internal static class GetWebhook
{
    public sealed record Query(Guid WebhookId) : IQuery<WebhookResponse>;

    internal sealed class Handler(IntegrationsDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : IQueryHandler<Query, WebhookResponse>
    {
        public async ValueTask<WebhookResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            await db.RequireWebhookOrganizationAsync(sender, query.WebhookId, me, cancellationToken);
            return await WebhookResponse.Project(db, db.Endpoints.AsNoTracking().Where(e => e.Id == query.WebhookId), clock.GetUtcNow()).FirstAsync(cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/webhooks/{webhookId:guid}", async (Guid webhookId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(webhookId), ct)))
            .WithName("GetWebhook")
            .WithSummary("A webhook (org admin)")
            .WithDescription("Its organisation's admins only (other members 403, anyone else 404). Never a secret. The `ETag` header is the version `PUT` expects as `If-Match`.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
