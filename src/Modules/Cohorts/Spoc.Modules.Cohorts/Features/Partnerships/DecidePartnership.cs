using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.Modules.Cohorts.Features.Cohorts;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Features.Partnerships;

/// <summary>
/// POST /organizations/{organizationId}/partnerships/{cohortId}/accept (or /decline): an admin of an organisation named as
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

    public static void MapEndpoint(IEndpointRouteBuilder api)
    {
        Map(api, "accept", accept: true, "AcceptPartnership", "Accept a cohort's partnership for one's organisation (the partner's org admin)");
        Map(api, "decline", accept: false, "DeclinePartnership", "Decline a cohort's partnership for one's organisation (the partner's org admin)");
    }

    private static void Map(IEndpointRouteBuilder api, string verb, bool accept, string name, string summary) =>
        api.MapPost($"/organizations/{{organizationId:guid}}/partnerships/{{cohortId:guid}}/{verb}", async (Guid organizationId, Guid cohortId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(cohortId, organizationId, accept), ct)))
            .WithName(name)
            .WithSummary(summary)
            .WithDescription("Until a partner accepts, its people cannot be added, enrolled, or see the cohort through it. 409 partnership-decided once the other answer was given.")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
