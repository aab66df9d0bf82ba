using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Features.Invitations;

/// <summary>
/// POST /invitations/{token}/accept: the invited person (signed in with the invited email) takes a seat.
/// The token is single-use and expires; a full cohort leaves it usable (409 cohort-full).
/// </summary>
internal static class AcceptInvitation
{
    public sealed record Command(string Token) : ICommand<Response>;

    public sealed record Response(Guid CohortId, string CohortTitle);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(100);
    }

    internal sealed class Handler(CohortsDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var hash = SecretTokens.Hash(command.Token);
            var caller = (await sender.Send(new GetUsers([me.Id]), cancellationToken)).Single();

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var invitation = await db.Invitations.AsNoTracking()
                .Where(i => i.TokenHash == hash)
                .Select(i => new { i.Id, i.CohortId, i.NormalizedEmail, i.AcceptedAt, i.ExpiresAt })
                .FirstOrDefaultAsync(cancellationToken);

            // Someone else's invitation is as good as none: nothing tells them it exists.
            if (invitation is null || !string.Equals(invitation.NormalizedEmail, caller.Email.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                throw ProblemException.NotFound("This invitation");
            }

            var now = clock.GetUtcNow();
            if (invitation.AcceptedAt is not null)
            {
                throw CohortProblems.InvitationUsed.Exception();
            }

            if (invitation.ExpiresAt <= now)
            {
                throw CohortProblems.InvitationExpired.Exception();
            }

            var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == invitation.CohortId)
                .Select(c => new { c.Id, c.Title, c.OrganizationId, IsMember = c.Members.Any(m => m.UserId == me.Id) })
                .FirstAsync(cancellationToken);
            if (cohort.IsMember)
            {
                throw CohortProblems.AlreadyMember.Exception("You already belong to this cohort.");
            }

            var claimed = await db.Invitations.Where(i => i.Id == invitation.Id && i.AcceptedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedBy, me.Id), cancellationToken);
            if (claimed == 0)
            {
                throw CohortProblems.InvitationUsed.Exception();
            }

            await db.TakeAsync(cohort.Id, cancellationToken);
            db.Enrol(cohort.Id, cohort.OrganizationId, me.Id, EnrollmentSource.Invitation, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Response(cohort.Id, cohort.Title);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/invitations/{token}/accept", async (string token, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(token), ct)))
            .WithName("AcceptInvitation")
            .WithSummary("Accept a cohort invitation and take a seat (the invited person)")
            .WithDescription("Only the person whose email was invited: anyone else (or an unknown token) gets 404. Takes a seat atomically: 409 cohort-full when none is left, invitation-used once accepted, invitation-expired after its lifetime, already-member when the caller already belongs to the cohort.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound, CohortProblems.CohortFull, CohortProblems.InvitationUsed, CohortProblems.InvitationExpired, CohortProblems.AlreadyMember);
}
