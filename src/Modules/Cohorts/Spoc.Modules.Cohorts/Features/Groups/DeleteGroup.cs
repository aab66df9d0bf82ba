using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Features.Groups;

/// <summary>
/// DELETE /cohorts/{cohortId}/groups/{groupId}: staff dissolve a group; its members become ungrouped (and may join
/// another). <c>If-Match</c> (the group's <c>etag</c>) → 412 when it changed meanwhile.
/// </summary>
internal static class DeleteGroup
{
    public sealed record Command(Guid CohortId, Guid GroupId, string? IfMatch) : ICommand;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.IfMatch).MaximumLength(200);
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await gate.RequireAsync(command.CohortId, CohortCapability.ManageGroups, cancellationToken);
            var group = await db.Groups.FirstOrDefaultAsync(g => g.Id == command.GroupId && g.CohortId == command.CohortId, cancellationToken)
                ?? throw ProblemException.NotFound("This group");
            db.Expect(group, command.IfMatch);

            // Ungrouped through the change tracker rather than the foreign key's SET NULL, so each member's version changes too.
            (await db.Members.Where(m => m.GroupId == group.Id).ToListAsync(cancellationToken)).ForEach(m => m.GroupId = null);
            db.Groups.Remove(group);
            db.AddIntegrationEvent(new GroupDeleted(command.CohortId, group.Id), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapDelete("/cohorts/{cohortId:guid}/groups/{groupId:guid}", async (Guid cohortId, Guid groupId, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(cohortId, groupId, ifMatch), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteGroup")
            .WithSummary("Dissolve a project group; its members become ungrouped (trainers, org admins)")
            .WithDescription("Requires `ManageGroups` (trainers, owner admins; 403 for other members, 404 for outsiders). The learners stay in the cohort, without a group. `If-Match` with the group's `ETag` is optional: 412 when stale.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
