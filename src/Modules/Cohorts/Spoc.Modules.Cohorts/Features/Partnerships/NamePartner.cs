using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.Modules.Cohorts.Features.Cohorts;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Features.Partnerships;

/// <summary>
/// POST /cohorts/{cohortId}/partners: a trainer or org admin names another organisation as a partner of the cohort. The
/// partnership is pending until one of that organisation's admins accepts (accepted at once when the caller is one).
/// </summary>
internal static class NamePartner
{
    public sealed record Request(Guid OrganizationId);

    public sealed record Command(Guid CohortId, Guid OrganizationId) : ICommand<Partnership>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.OrganizationId).NotEmpty();
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ISender sender) : ICommandHandler<Command, Partnership>
    {
        public async ValueTask<Partnership> Handle(Command command, CancellationToken cancellationToken)
        {
            var access = await gate.RequireAsync(command.CohortId, CohortCapability.ManageSettings, cancellationToken);
            if ((await sender.Send(new GetOrganizations([command.OrganizationId]), cancellationToken)).Count == 0)
            {
                throw ProblemException.NotFound("This organisation");
            }

            if (command.OrganizationId == access.OrganizationId
                || await db.CohortOrganizations.AnyAsync(o => o.CohortId == command.CohortId && o.OrganizationId == command.OrganizationId, cancellationToken))
            {
                throw CohortProblems.AlreadyPartner.Exception();
            }

            var viewer = await gate.ViewerAsync(cancellationToken);
            var partnership = new CohortOrganization
            {
                CohortId = command.CohortId,
                OrganizationId = command.OrganizationId,
                Status = viewer.AdminOf.Contains(command.OrganizationId) ? PartnershipStatus.Accepted : PartnershipStatus.Pending,
            };
            db.CohortOrganizations.Add(partnership);
            await db.SaveChangesAsync(cancellationToken);
            return new Partnership(partnership.OrganizationId, partnership.Status);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/partners", async (Guid cohortId, Request request, ISender sender, CancellationToken ct) =>
            {
                var partnership = await sender.Send(new Command(cohortId, request.OrganizationId), ct);
                return TypedResults.Created($"/api/v1/cohorts/{cohortId}/partners", partnership);
            })
            .WithName("NameCohortPartner")
            .WithSummary("Name a partner organisation of a cohort: pending until its admins accept (trainers, org admins)")
            .WithDescription("Requires `ManageSettings` (trainers, owner admins; 403 for other members, 404 for outsiders or an unknown organisation). Pending until the partner's admins accept (at once when the caller administers it); 409 already-partner when it is already named, or is the owning organisation.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CohortProblems.AlreadyPartner);
}
