using FluentValidation;
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

namespace Spoc.Modules.Platform.Features.Auth;

/// <summary>POST /auth/token: email and password for an access token (15 min) and a refresh token starting a new family.</summary>
internal static class IssueToken
{
    public sealed record Command(string Email, string Password) : ICommand<TokenResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().MaximumLength(254);
            RuleFor(c => c.Password).NotEmpty().MaximumLength(128);
        }
    }

    internal sealed class Handler(PlatformDbContext db, TokenIssuer tokens, SignInThrottle throttle) : ICommandHandler<Command, TokenResponse>
    {
        public async ValueTask<TokenResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var normalized = User.Normalize(command.Email);
            await throttle.EnterAsync(normalized, cancellationToken);
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);

            // Unknown email and wrong password answer alike, in body and in time.
            var verification = Passwords.Hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? Passwords.DecoyHash.Value, command.Password);
            if (user is null || verification == PasswordVerificationResult.Failed)
            {
                throw PlatformProblems.InvalidCredentials.Exception();
            }

            if (user.EmailVerificationPending)
            {
                throw PlatformProblems.EmailNotVerified.Exception();
            }

            if (user.DisabledAt is not null)
            {
                throw PlatformProblems.AccountDisabled.Exception();
            }

            var response = tokens.Issue(db, user, familyId: Guid.CreateVersion7());
            await db.SaveChangesAsync(cancellationToken);
            return response;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api, string rateLimitPolicy) =>
        api.MapPost("/auth/token", async (Command command, SessionMode? session, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var tokens = await sender.Send(command, ct);
                return TypedResults.Ok(session == SessionMode.Cookie ? RefreshCookie.Keep(http, tokens) : tokens);
            })
            .WithName("IssueToken")
            .WithSummary("Sign in: get an access token and a refresh token")
            .WithDescription("401 invalid-credentials for an unknown email and for a wrong password alike. 403 email-not-verified (right password) until the mailed link is opened; 403 account-disabled (right password) while the platform admin has disabled the account. Rate limited per IP, per account and IP strictly, per account loosely (429 with Retry-After). "
                + "`session=Cookie` (the web app): the refresh token is not in the body but in an HttpOnly, Secure, SameSite=Strict cookie sent only to `/api/v1/auth`, "
                + "which refresh and logout read when their body has no refreshToken. Without it (mobile apps, integrators) the body carries the refresh token. "
                + "An Idempotency-Key is honoured for 30 seconds.")
            .WithMetadata(new IdempotencyWindow(TimeSpan.FromSeconds(30)))
            .AllowAnonymous()
            .RequireRateLimiting(rateLimitPolicy)
            .Problems(PlatformProblems.TooManySignInAttempts, PlatformProblems.InvalidCredentials, PlatformProblems.EmailNotVerified, PlatformProblems.AccountDisabled);
}
