using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Integrations.Data;
using Spoc.Modules.Integrations.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Integrations.Features.Webhooks;

/// <summary>Webhooks are their organisation's admins' (the platform admin's too): its other members 403, anyone else 404.</summary>
internal static class WebhookAccess
{
    public static async Task RequireOrgAdminAsync(this ISender sender, Guid organizationId, ICurrentUser me, CancellationToken ct, string what = "This organisation")
    {
        var role = await sender.Send(new GetOrganizationRole(organizationId, me.Id), ct) ?? throw ProblemException.NotFound(what);
        if (role != OrganizationRole.OrgAdmin)
        {
            throw ProblemException.Forbidden("Only the organisation's admins manage its webhooks.");
        }
    }

    /// <summary>The webhook, tracked, once the caller is known to administer its organisation.</summary>
    public static async Task<WebhookEndpoint> RequireWebhookAsync(this IntegrationsDbContext db, ISender sender, Guid webhookId, ICurrentUser me, CancellationToken ct, bool withSecrets = false)
    {
        IQueryable<WebhookEndpoint> endpoints = withSecrets ? db.Endpoints.Include(e => e.Secrets) : db.Endpoints;
        var endpoint = await endpoints.FirstOrDefaultAsync(e => e.Id == webhookId, ct) ?? throw ProblemException.NotFound("This webhook");
        await sender.RequireOrgAdminAsync(endpoint.OrganizationId, me, ct, "This webhook");
        return endpoint;
    }

    /// <summary>The organisation of a webhook the caller administers (reads that need no tracked entity).</summary>
    public static async Task<Guid> RequireWebhookOrganizationAsync(this IntegrationsDbContext db, ISender sender, Guid webhookId, ICurrentUser me, CancellationToken ct)
    {
        var organizationId = await db.Endpoints.AsNoTracking().Where(e => e.Id == webhookId).Select(e => (Guid?)e.OrganizationId).FirstOrDefaultAsync(ct)
            ?? throw ProblemException.NotFound("This webhook");
        await sender.RequireOrgAdminAsync(organizationId, me, ct, "This webhook");
        return organizationId;
    }
}
