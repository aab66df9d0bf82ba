using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.Modules.Cohorts.Features.Cohorts;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Features.Partnerships;

/// <summary>
/// The decision behind <see cref="AcceptPartnership"/> and <see cref="DeclinePartnership"/>: an admin of an organisation named as
/// a partner of a cohort consents, or refuses (a partnership is known by its cohort within the partner organisation). Until it accepts, none of its people can be added, enrolled, or see the cohort
/// through it. Accepting twice (or declining twice) answers the same; changing one's mind after deciding is 409.
/// </summary>
internal static class DecidePartnership
{
    public sealed record Command(Guid CohortId, Guid OrganizationId, bool Accept) : ICommand<Partnership>;

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, Partnership>
    {
        public async ValueTask<Partnership> Handle(Command command, CancellationToken cancellationToken)
        {
            if (await sender.Send(new GetOrganizationRole(command.OrganizationId, me.Id), cancellationToken) != OrganizationRole.OrgAdmin)
            {
                // Who sees the cohort learns only that this is not theirs to decide; anyone else learns nothing.
                await gate.RequireVisibleAsync(command.CohortId, cancellationToken);
                throw ProblemException.Forbidden("Only an admin of the partner organisation accepts or declines its partnership.");
            }

            var partnership = await db.CohortOrganizations.FirstOrDefaultAsync(o => o.CohortId == command.CohortId && o.OrganizationId == command.OrganizationId, cancellationToken)
                ?? throw ProblemException.NotFound("This partnership");
            if (command.Accept)
            {
                partnership.Accept(me.Id, clock.GetUtcNow());
            }
            else
            {
                partnership.Decline(me.Id, clock.GetUtcNow());
            }

            await db.SaveChangesAsync(cancellationToken);
            return new Partnership(partnership.OrganizationId, partnership.Status);
        }
    }
}
