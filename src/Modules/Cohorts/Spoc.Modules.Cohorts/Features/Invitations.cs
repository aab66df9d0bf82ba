using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Cohorts.Features;

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
                throw ProblemException.Conflict("admission-mode-mismatch", "Learners join another way", $"This cohort admits learners by {access.Mode}.");
            }

            var token = SecretTokens.New();
            var now = clock.GetUtcNow();
            var invitation = new CohortInvitation
            {
                CohortId = command.CohortId,
                Email = command.Email.Trim(),
                NormalizedEmail = command.Email.Trim().ToLowerInvariant(),
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
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

/// <summary>GET /cohorts/{cohortId}/invitations: staff follow who was invited, who accepted, what expired.</summary>
internal static class ListInvitations
{
    public sealed record Query(Guid CohortId, PageRequest Paging) : IQuery<PagedResult<Invitation>>;

    public sealed record Invitation(Guid Id, string Email, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt, bool Expired);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, TimeProvider clock) : IQueryHandler<Query, PagedResult<Invitation>>
    {
        public async ValueTask<PagedResult<Invitation>> Handle(Query query, CancellationToken cancellationToken)
        {
            await gate.RequireAsync(query.CohortId, CohortCapability.ManageInvitations, cancellationToken);
            var now = clock.GetUtcNow();
            return await db.Invitations.AsNoTracking()
                .Where(i => i.CohortId == query.CohortId)
                .OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id)
                .Select(i => new Invitation(i.Id, i.Email, i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.AcceptedAt == null && i.ExpiresAt <= now))
                .ToPageAsync(query.Paging, cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/invitations", async (Guid cohortId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, paging), ct)))
            .WithName("ListInvitations")
            .WithSummary("Invitations of a cohort and their state (trainers, org admins)")
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

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
                throw ProblemException.Conflict("invitation-used", "Invitation already used", "This invitation was already accepted.");
            }

            if (invitation.ExpiresAt <= now)
            {
                throw ProblemException.Conflict("invitation-expired", "Invitation expired", "Ask the cohort's staff for a new invitation.");
            }

            var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == invitation.CohortId)
                .Select(c => new { c.Id, c.Title, c.OrganizationId, IsMember = c.Members.Any(m => m.UserId == me.Id) })
                .FirstAsync(cancellationToken);
            if (cohort.IsMember)
            {
                throw ProblemException.Conflict("already-member", "Already a member", "You already belong to this cohort.");
            }

            var claimed = await db.Invitations.Where(i => i.Id == invitation.Id && i.AcceptedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedBy, me.Id), cancellationToken);
            if (claimed == 0)
            {
                throw ProblemException.Conflict("invitation-used", "Invitation already used", "This invitation was already accepted.");
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
            .RequireAuthorization(Policies.SignedIn)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
