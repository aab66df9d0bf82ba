using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Organizations;

/// <summary>
/// POST /organizations/{orgId}/suspend (and, through the same command, <see cref="ReactivateOrganization"/>): the platform admin switches an organisation off and on again. While
/// suspended, its memberships grant nothing (every module asks Platform's contracts, which leave them out) and it takes
/// no new members; nothing is deleted, so reactivating gives everything back (docs/adr/0041). Both are idempotent.
/// </summary>
internal static class SuspendOrganization
{
    public sealed record Command(Guid OrganizationId, bool Suspend) : ICommand<OrganizationResponse>;

    internal sealed class Handler(PlatformDbContext db, TimeProvider clock) : ICommandHandler<Command, OrganizationResponse>
    {
        public async ValueTask<OrganizationResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == command.OrganizationId, cancellationToken)
                ?? throw ProblemException.NotFound("This organisation");
            if (command.Suspend != (organization.SuspendedAt is not null))
            {
                organization.SuspendedAt = command.Suspend ? clock.GetUtcNow() : null;
                organization.Version = Guid.NewGuid();
                db.AddIntegrationEvent(new OrganizationSuspensionChanged(organization.Id), clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
            }

            return OrganizationResponse.From(organization) with
            {
                MemberCount = await db.OrganizationMembers.CountAsync(m => m.OrganizationId == organization.Id, cancellationToken),
            };
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/organizations/{orgId:guid}/suspend", async (Guid orgId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(orgId, Suspend: true), ct)))
            .WithName("SuspendOrganization")
            .WithSummary("Suspend an organisation (platform admin)")
            .WithDescription("Platform admin only (403 otherwise; an unknown organisation 404). From then on its members hold no role in it: its admins, trainers and mentors "
                + "lose what that role gave in every module (their cohort seats and cohort roles stay), its people no longer see the cohorts restricted to it, its cohorts take no applications and lose their public page, and it takes "
                + "no new members (409 organization-suspended). Idempotent; `suspendedAt` tells since when.")
            .RequireAuthorization(Policies.PlatformAdmin)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
