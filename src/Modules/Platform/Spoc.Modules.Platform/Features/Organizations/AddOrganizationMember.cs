using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Platform.Features.Organizations;

/// <summary>
/// POST /organizations/{orgId}/members: an org admin adds someone by email with a role. Without an account the
/// email gets an invitation (mailed through the outbox) that becomes a membership when they register. The answer is the
/// same either way, so that nobody learns through it whether an address is registered.
/// </summary>
internal static class AddOrganizationMember
{
    // Nullable so that a missing role is caught (400) instead of defaulting to OrgAdmin; [Required] tells the OpenAPI document.
    public sealed record Request(string Email, [property: System.ComponentModel.DataAnnotations.Required] OrganizationRole? Role);

    public sealed record Command(Guid OrganizationId, string Email, OrganizationRole? Role) : ICommand<Response>;

    public sealed record Response(string Email, OrganizationRole Role);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).ValidEmail();
            RuleFor(c => c.Role).NotNull().IsInEnum(); // required: a missing role must not default to OrgAdmin
        }
    }

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.RequireRoleAsync(command.OrganizationId, me, cancellationToken, OrganizationRole.OrgAdmin);
            if (await db.Organizations.AnyAsync(o => o.Id == command.OrganizationId && o.SuspendedAt != null, cancellationToken))
            {
                throw PlatformProblems.OrganizationSuspended.Exception(); // only the platform admin gets this far in a suspended organisation
            }

            var role = command.Role!.Value;
            var normalized = User.Normalize(command.Email);
            var now = clock.GetUtcNow();
            var user = await db.Users.AsNoTracking()
                .Where(u => u.NormalizedEmail == normalized)
                .Select(u => new { u.Id, u.Email, IsMember = db.OrganizationMembers.Any(m => m.OrganizationId == command.OrganizationId && m.UserId == u.Id) })
                .FirstOrDefaultAsync(cancellationToken);

            if (user is not null)
            {
                if (user.IsMember)
                {
                    throw PlatformProblems.AlreadyMember.Exception();
                }

                db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = command.OrganizationId, UserId = user.Id, Role = role, JoinedAt = now });
                await SaveAsync(cancellationToken);
                return new Response(command.Email, role);
            }

            if (await db.OrganizationInvitations.AnyAsync(i => i.OrganizationId == command.OrganizationId && i.NormalizedEmail == normalized, cancellationToken))
            {
                throw PlatformProblems.AlreadyInvited.Exception();
            }

            var organizationName = await db.Organizations.Where(o => o.Id == command.OrganizationId).Select(o => o.Name).FirstAsync(cancellationToken);
            db.OrganizationInvitations.Add(new OrganizationInvitation
            {
                OrganizationId = command.OrganizationId, Email = command.Email, NormalizedEmail = normalized, Role = role, InvitedBy = me.Id, CreatedAt = now,
            });
            db.AddIntegrationEvent(new OrganizationInvitationCreated(command.OrganizationId, organizationName, command.Email, role), now);
            await SaveAsync(cancellationToken);
            return new Response(command.Email, role);
        }

        private async Task SaveAsync(CancellationToken ct)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                throw PlatformProblems.AlreadyInvited.Exception();
            }
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/organizations/{orgId:guid}/members", async (Guid orgId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/organizations/{orgId}/members", await sender.Send(new Command(orgId, request.Email, request.Role), ct)))
            .WithName("AddOrganizationMember")
            .WithSummary("Add a member by email, or invite the email when it has no account (org admin)")
            .WithDescription("Org admins only (other members 403, outsiders 404). An address with an account becomes a member at once (409 already-member if it is one); an address without one is mailed an invitation that becomes a membership when it registers (409 already-invited if one is pending). A suspended organisation takes no new members (409 organization-suspended). The answer is the same either way, so it tells nobody whether an address is registered.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, PlatformProblems.AlreadyMember, PlatformProblems.AlreadyInvited, PlatformProblems.OrganizationSuspended);
}
