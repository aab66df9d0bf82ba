using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Http;

namespace Spoc.Modules.Platform.Features.Auth;

/// <summary>
/// POST /auth/password-reset/confirm: the mailed token sets a new password, once. Every session of the account ends
/// (its refresh tokens are revoked), since whoever knew the old password may hold one; the address is proven too.
/// </summary>
internal static class ResetPassword
{
    public sealed record Command(string Token, string NewPassword) : ICommand;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Token).NotEmpty().MaximumLength(100);
            RuleFor(c => c.NewPassword).StrongPassword();
        }
    }

    internal sealed class Handler(PlatformDbContext db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var userId = await db.ClaimAsync(command.Token, AccountTokenPurpose.ResetPassword, now, cancellationToken);
            var user = await db.Users.FirstAsync(u => u.Id == userId, cancellationToken);
            user.PasswordHash = Passwords.Hasher.HashPassword(user, command.NewPassword);
            user.EmailVerificationPending = false;
            await db.SaveChangesAsync(cancellationToken);
            await db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/password-reset/confirm", async (Command command, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(command, ct);
                return TypedResults.NoContent();
            })
            .WithName("ResetPassword")
            .WithSummary("Set a new password with the mailed reset token; signs out every session")
            .WithDescription("400 invalid-token when the token is unknown, expired or already used; 400 common-password or validation-failed (field `newPassword`) for a common or weak password.")
            .AllowAnonymous()
            .Problems(PlatformProblems.InvalidToken, PlatformProblems.CommonPassword);
}
