using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Data;
using Spoc.Modules.Platform.EventHandlers;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Organizations;

/// <summary>
/// POST /organization-invitations/{token}/accept: someone who already has an account joins with the emailed token.
/// The token must have been sent to the caller's own address; anyone else finds nothing (404).
/// </summary>
internal static class AcceptOrganizationInvitation
{
    public sealed record Command(string Token) : ICommand<Response>;

    public sealed record Response(Guid OrganizationId, string Role);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(100);
    }

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var hash = SecretTokens.Hash(command.Token);
            var email = await db.Users.Where(u => u.Id == me.Id).Select(u => u.NormalizedEmail).FirstAsync(cancellationToken);
            var invitation = await db.OrganizationInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash && i.NormalizedEmail == email, cancellationToken)
                ?? throw ProblemException.NotFound("This invitation");
            if (invitation.AcceptedAt is not null || await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == invitation.OrganizationId && m.UserId == me.Id, cancellationToken))
            {
                throw PlatformProblems.InvitationUsed.Exception();
            }

            if (await db.Organizations.AnyAsync(o => o.Id == invitation.OrganizationId && o.SuspendedAt != null, cancellationToken))
            {
                throw PlatformProblems.OrganizationSuspended.Exception();
            }

            OrganizationInvitations.Accept(db, invitation, me.Id, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return new Response(invitation.OrganizationId, invitation.Role.ToString());
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/organization-invitations/{token}/accept", async (string token, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(token), ct)))
            .WithName("AcceptOrganizationInvitation")
            .WithSummary("Join an organisation with the token of an invitation mailed to one's own address")
            .WithDescription("For someone who already has an account: the token must have been mailed to the caller's own address, else 404. Returns the organisation and the role granted; 409 invitation-used once it was accepted; 409 organization-suspended while the organisation is suspended. Invitations to an address without an account turn into memberships at registration instead.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound, PlatformProblems.InvitationUsed, PlatformProblems.OrganizationSuspended);
}
