using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Organizations;

/// <summary>
/// DELETE /organizations/{orgId}/members/{userId}: an org admin removes someone from the organisation (themself too, unless
/// they are its last admin). What the membership gave in cohorts is left as it is; <see cref="OrganizationMemberRemoved"/>
/// tells the other modules (docs/adr/0041).
/// </summary>
internal static class RemoveOrganizationMember
{
    public sealed record Command(Guid OrganizationId, Guid UserId, string? IfMatch) : ICommand;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.IfMatch).MaximumLength(200);
    }

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await using var transaction = await db.LockMembershipsAsync(command.OrganizationId, me, command.IfMatch, cancellationToken);
            var member = await db.MemberLeavingRoleAsync(command.OrganizationId, command.UserId, newRole: null, cancellationToken);
            db.OrganizationMembers.Remove(member);
            db.AddIntegrationEvent(new OrganizationMemberRemoved(command.OrganizationId, command.UserId, member.Role), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapDelete("/organizations/{orgId:guid}/members/{userId:guid}", async (Guid orgId, Guid userId, [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(orgId, userId, ifMatch), ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveOrganizationMember")
            .WithSummary("Remove someone from the organisation (org admin)")
            .WithDescription("Org admins only (other members 403, outsiders and members of a suspended organisation 404; an unknown member 404). "
                + "Removing the last OrgAdmin is 409 last-org-admin (serialised with role changes, so two admins removing each other cannot leave none). "
                + "`If-Match` may name the organisation's `ETag`, as for a role change (412 when stale). "
                + "The person keeps their account, their cohort seats and their cohort roles; they lose what the organisation's role gave (its cohorts restricted to it, its courses and admin screens).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, PlatformProblems.LastOrgAdmin);
}
