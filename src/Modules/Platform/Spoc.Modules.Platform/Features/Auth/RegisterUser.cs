using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Platform.Features.Auth;

/// <summary>
/// POST /auth/register: anyone creates a learner account. With the <c>invitationToken</c> of an organisation invitation
/// mailed to this address, the invitation becomes a membership (through <see cref="UserRegistered"/>).
/// </summary>
internal static class RegisterUser
{
    public sealed record Command(string Email, string Password, string DisplayName, string? InvitationToken = null) : ICommand<Response>;

    public sealed record Response(Guid Id, string Email, string DisplayName);

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
        }
    }

    internal sealed class Handler(PlatformDbContext db, TimeProvider clock) : ICommandHandler<Command, Response>
    {
        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            var normalized = User.Normalize(command.Email);
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
            {
                throw EmailTaken();
            }

            var now = clock.GetUtcNow();
            var user = new User { Email = command.Email.Trim(), NormalizedEmail = normalized, DisplayName = command.DisplayName.Trim(), CreatedAt = now };
            user.PasswordHash = Passwords.Hasher.HashPassword(user, command.Password);
            db.Users.Add(user);
            db.AddIntegrationEvent(new UserRegistered(user.Id, user.Email, user.DisplayName, command.InvitationToken is { Length: > 0 } token ? SecretTokens.Hash(token) : null), now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Two registrations of one email at the same instant: the unique index decides.
                throw EmailTaken();
            }

            return new Response(user.Id, user.Email, user.DisplayName);
        }

        private static ProblemException EmailTaken() =>
            ProblemException.Conflict("email-taken", "Email already registered", "An account already uses this email; sign in instead.");
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/register", async (Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Created("/api/v1/me", await sender.Send(command, ct)))
            .WithName("RegisterUser")
            .WithSummary("Create a learner account")
            .WithDescription("Password: 8 to 128 characters with a letter and a digit. `invitationToken` (from an invitation email sent to this address) makes the invitation a membership shortly after.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
