using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Cohorts.Features.Invitations;

/// <summary>
/// POST /cohorts/{cohortId}/invitations: staff invite an email into an InviteOnly cohort. The token (256 random bits)
/// is returned once, to be shared with the invitee; only its hash is stored. It expires (<c>Cohorts:InvitationLifetime</c>, 14 days).
/// </summary>
internal static class InviteToCohort
{
    public sealed record Request(string Email);

    public sealed record Command(Guid CohortId, string Email) : ICommand<Response>;

    public sealed record Response(Guid Id, string Email, string Token, string AcceptPath, DateTimeOffset ExpiresAt);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Email).ValidEmail();
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ICurrentUser me, TimeProvider clock, IConfiguration configuration) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var access = await gate.RequireAsync(command.CohortId, CohortCapability.ManageInvitations, cancellationToken);
            if (access.Mode != AdmissionMode.InviteOnly)
            {
                throw CohortProblems.AdmissionModeMismatch.Exception(access.Mode);
            }

            var token = SecretTokens.New();
            var now = clock.GetUtcNow();
            var invitation = new CohortInvitation
            {
                CohortId = command.CohortId,
                Email = command.Email,
                NormalizedEmail = command.Email.ToLowerInvariant(),
                TokenHash = SecretTokens.Hash(token),
                CreatedAt = now,
                ExpiresAt = now + configuration.GetValue("Cohorts:InvitationLifetime", TimeSpan.FromDays(14)),
                CreatedBy = me.Id,
            };
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync(cancellationToken);
            return new Response(invitation.Id, invitation.Email, token, $"/invitations/{token}", invitation.ExpiresAt);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/invitations", async (Guid cohortId, Request request, ISender sender, CancellationToken ct) =>
            {
                var invitation = await sender.Send(new Command(cohortId, request.Email), ct);
                return TypedResults.Created($"/api/v1/cohorts/{cohortId}/invitations", invitation);
            })
            .WithName("InviteToCohort")
            .WithSummary("Invite an email into an InviteOnly cohort; returns the single-use token (trainers, org admins)")
            .WithDescription("Requires `ManageInvitations` (trainers, owner admins; 403 for other members, 404 for outsiders). Only for `InviteOnly` cohorts (409 admission-mode-mismatch otherwise). The token is returned once, with `acceptPath` and `expiresAt` (14 days by default): deliver it to the invitee, who accepts it signed in with that email. No seat is taken until then.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound, CohortProblems.AdmissionModeMismatch);
}
