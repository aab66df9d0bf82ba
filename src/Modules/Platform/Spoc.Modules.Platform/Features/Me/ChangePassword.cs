using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Me;

/// <summary>
/// POST /me/password: a new password against the current one. Every other session ends (its refresh tokens are revoked);
/// the one making the change, named by the access token's <c>sid</c>, stays signed in.
/// </summary>
internal static class ChangePassword
{
    public sealed record Request(string CurrentPassword, string NewPassword);

    public sealed record Command(string CurrentPassword, string NewPassword, Guid? SessionId) : ICommand;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(128);
            RuleFor(c => c.NewPassword).StrongPassword();
        }
    }

    internal sealed class Handler(PlatformDbContext db, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == me.Id, cancellationToken) ?? throw ProblemException.NotFound("Your account");
            if (Passwords.Hasher.VerifyHashedPassword(user, user.PasswordHash, command.CurrentPassword) == PasswordVerificationResult.Failed)
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.CurrentPassword), "The current password is wrong.") { ErrorCode = PlatformProblems.WrongPassword.Slug }]);
            }

            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            user.PasswordHash = Passwords.Hasher.HashPassword(user, command.NewPassword);
            await db.SaveChangesAsync(cancellationToken);
            await db.RefreshTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null && t.FamilyId != command.SessionId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api, string rateLimitPolicy) =>
        api.MapPost("/me/password", async (Request request, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var session = Guid.TryParse(http.User.FindFirst("sid")?.Value, out var sid) ? sid : (Guid?)null;
                await sender.Send(new Command(request.CurrentPassword, request.NewPassword, session), ct);
                return TypedResults.NoContent();
            })
            .WithName("ChangePassword")
            .WithSummary("Change the password; signs out every other session")
            .WithDescription("400 wrong-password (field `currentPassword`) when it is wrong; 400 common-password or validation-failed (field `newPassword`) when the new one is common or weak. Rate limited per IP like sign-in.")
            .RequireAuthorization(Policies.SignedIn)
            .RequireRateLimiting(rateLimitPolicy)
            .Problems(ProblemType.NotFound, PlatformProblems.WrongPassword, PlatformProblems.CommonPassword);
}
