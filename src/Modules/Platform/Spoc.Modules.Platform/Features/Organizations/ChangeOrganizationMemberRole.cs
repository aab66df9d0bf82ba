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
/// PUT /organizations/{orgId}/members/{userId}: an org admin gives a member another role. Only org admins change roles,
/// and OrgAdmin is the highest organisation role, so nobody grants a role above their own; the last admin cannot be demoted.
/// </summary>
internal static class ChangeOrganizationMemberRole
{
    // Nullable so that a missing role is a 400 rather than OrgAdmin (the enum's default).
    public sealed record Request([property: System.ComponentModel.DataAnnotations.Required] OrganizationRole? Role);

    public sealed record Command(Guid OrganizationId, Guid UserId, OrganizationRole? Role, string? IfMatch) : ICommand<ListOrganizationMembers.Member>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Role).NotNull().IsInEnum();
            RuleFor(c => c.IfMatch).MaximumLength(200);
        }
    }

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me) : ICommandHandler<Command, ListOrganizationMembers.Member>
    {
        public async ValueTask<ListOrganizationMembers.Member> Handle(Command command, CancellationToken cancellationToken)
        {
            await using var transaction = await db.LockMembershipsAsync(command.OrganizationId, me, command.IfMatch, cancellationToken);
            var member = await db.MemberLeavingRoleAsync(command.OrganizationId, command.UserId, command.Role, cancellationToken);
            member.Role = command.Role!.Value;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ListOrganizationMembers.Member(member.UserId, member.User.Email, member.User.DisplayName, member.Role, member.JoinedAt);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/organizations/{orgId:guid}/members/{userId:guid}", async (Guid orgId, Guid userId, Request request,
                [FromHeader(Name = "If-Match")] string? ifMatch, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(orgId, userId, request.Role, ifMatch), ct)))
            .WithName("ChangeOrganizationMemberRole")
            .WithSummary("Change a member's role in the organisation (org admin)")
            .WithDescription("Org admins only (other members 403, outsiders and members of a suspended organisation 404; an unknown member 404). "
                + "Demoting the organisation's last OrgAdmin is 409 last-org-admin; changes to one organisation's members are serialised, so two admins demoting each other at once cannot leave it without one. "
                + "`If-Match` may name the organisation's `ETag` (GET /organizations/{orgId}; every member change renews it): the change then applies only if nothing changed since, else 412. "
                + "Cohort roles are not touched: a trainer made learner stays trainer of the cohorts they already run.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, PlatformProblems.LastOrgAdmin);
}
