using Mediator;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Integrations.Contracts;
using Spoc.Modules.Integrations.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Outbox;

namespace Spoc.Modules.Integrations.EventHandlers;

/// <summary>A webhook disabled for failing: its organisation's admins are told, in the feed and by mail (Community's notice).</summary>
internal sealed class TellAdminsOfDisabledWebhook(IntegrationsDbContext db, ISender sender, TimeProvider clock)
    : IntegrationEventHandler<WebhookEndpointDisabled, IntegrationsDbContext>(db, clock)
{
    protected override async Task HandleOnceAsync(WebhookEndpointDisabled e, CancellationToken ct)
    {
        var admins = await sender.Send(new GetOrganizationMemberIds(e.OrganizationId, OrganizationRole.OrgAdmin), ct);
        await sender.Send(new SendWebhookDisabledNotice(e.EventId, e.WebhookId, e.Url, e.FailingSince, admins), ct);
    }
}
