using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Outbox;

namespace Spoc.Modules.Cohorts.EventHandlers;

/// <summary>
/// An organisation was suspended or reactivated: its cohorts stop or resume taking applications. The state is asked of
/// Platform now rather than read from the event, so a suspension and a reactivation handled out of order still end right.
/// </summary>
internal sealed class FollowOrganizationSuspension(CohortsDbContext db, ISender sender, TimeProvider clock)
    : IntegrationEventHandler<OrganizationSuspensionChanged, CohortsDbContext>(db, clock)
{
    protected override async Task HandleOnceAsync(OrganizationSuspensionChanged changed, CancellationToken ct)
    {
        var organization = (await sender.Send(new GetOrganizations([changed.OrganizationId]), ct)).SingleOrDefault();
        if (organization is null)
        {
            return;
        }

        foreach (var cohort in await Db.Cohorts.Where(c => c.OrganizationId == changed.OrganizationId && c.OrganizationSuspended != organization.IsSuspended).ToListAsync(ct))
        {
            cohort.OrganizationSuspended = organization.IsSuspended;
        }
    }
}
