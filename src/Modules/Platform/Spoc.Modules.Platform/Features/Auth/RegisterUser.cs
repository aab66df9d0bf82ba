using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.Modules.Platform.EventHandlers;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Platform.Features.Auth;

/// <summary>
/// POST /auth/register: anyone creates a learner account, to be activated by the link mailed to the address. The answer
/// is the same whether or not the address already has an account (the mail tells its owner which), so registration
/// cannot be used to learn who is a member. With the <c>invitationToken</c> of an organisation invitation mailed to this
/// address, the address is proven at once and the invitation becomes a membership (through <see cref="UserRegistered"/>).
/// </summary>
internal static class RegisterUser
{
    public sealed record Command(string Email, string Password, string DisplayName, string? InvitationToken = null, string? Language = null) : ICommand<Response>;

    public sealed record Response(string Email);

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).ValidEmail();
            RuleFor(c => c.Password).StrongPassword()
                .Must((c, password) => !string.Equals(password, c.Email, StringComparison.OrdinalIgnoreCase))
                .WithMessage("The password must not be your email.");
            RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(100);
            RuleFor(c => c.InvitationToken).MaximumLength(100);
            RuleFor(c => c.Language).MaximumLength(2).Must(l => l is null || Languages.Supported.Contains(l)).WithMessage("Use fr or en.");
        }
    }

    internal sealed class Handler(PlatformDbContext db, TimeProvider clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var normalized = User.Normalize(command.Email);
            var now = clock.GetUtcNow();
            var user = new User
            {
                Email = command.Email,
                NormalizedEmail = normalized,
                DisplayName = command.DisplayName,
                PreferredLanguage = Languages.Normalize(command.Language),
                CreatedAt = now,
            };
            // Hashed in both cases, so that a known address does not answer faster.
            user.PasswordHash = Passwords.Hasher.HashPassword(user, command.Password);

            if (!await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
            {
                var invitationHash = command.InvitationToken is { Length: > 0 } token ? SecretTokens.Hash(token) : null;
                user.EmailVerificationPending = invitationHash is null || !await db.OrganizationInvitations.AnyAsync(
                    i => i.TokenHash == invitationHash && i.NormalizedEmail == normalized && i.AcceptedAt == null, cancellationToken);
                db.Users.Add(user);
                db.AddIntegrationEvent(new UserRegistered(user.Id, user.Email, user.DisplayName, invitationHash), now);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return new Response(user.Email);
                }
                catch (DbUpdateException e) when (e.IsUniqueViolation())
                {
                    // Two registrations of one email at the same instant: the unique index decides, the loser is the "existing" case.
                    db.ChangeTracker.Clear();
                }
            }

            var existing = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstAsync(cancellationToken);
            db.AddIntegrationEvent(new AccountEmailRequested(existing, AccountEmail.AlreadyRegistered), now);
            await db.SaveChangesAsync(cancellationToken);
            return new Response(user.Email);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/register", async (Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Created("/api/v1/me", await sender.Send(command, ct)))
            .WithName("RegisterUser")
            .WithSummary("Create a learner account; a link to activate it is mailed")
            .WithDescription("Password: 8 to 128 characters with a letter and a digit, not among the most common passwords (else 400 common-password, with the `password` field error). "
                + "The answer (201) is the same whether or not the address already has an account: the mail tells its owner which. "
                + "Sign-in answers 403 email-not-verified until the mailed link is opened (POST /auth/verify-email). "
                + "`invitationToken` (from an invitation email sent to this address) proves the address at once and makes the invitation a membership shortly after. "
                + "`language` (fr, en; default fr) is the language of the mails and of the web app.")
            .AllowAnonymous()
            .Problems(PlatformProblems.CommonPassword);
}
