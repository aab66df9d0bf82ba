using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Auth;

/// <summary>
/// POST /auth/refresh: a refresh token is good for one use. Using it rotates it; using a spent one again means
/// it leaked, so its whole family is revoked and both the thief and the owner must sign in again. A retry with the same
/// Idempotency-Key within 30 s is no reuse: it replays the first answer (sealed under that key), so a lost response does not end the session.
/// The web app sends no token: it comes from the session cookie, and the new one goes back there.
/// </summary>
internal static class RefreshAccessToken
{
    /// <param name="RefreshToken">The refresh token from /auth/token; omit it in the cookie session mode (the cookie carries it).</param>
    public sealed record Request(string? RefreshToken);

    public sealed record Command(string RefreshToken) : ICommand<TokenResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200);
    }

    internal sealed class Handler(PlatformDbContext db, TokenIssuer tokens, TimeProvider clock) : ICommandHandler<Command, TokenResponse>
    {
        public async ValueTask<TokenResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var hash = SecretTokens.Hash(command.RefreshToken);
            var token = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
            if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
            {
                throw PlatformProblems.InvalidRefreshToken.Exception();
            }

            // Claim the token atomically: of two concurrent uses, exactly one rotates it, the other is a reuse. Claim and
            // new token commit together, and past the claim nothing is cancelled, so a dropped connection cannot spend a token for nothing.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.RefreshTokens
                .Where(t => t.Id == token.Id && t.UsedAt == null && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
            if (claimed == 0)
            {
                await db.RevokeFamilyAsync(token.FamilyId, now, CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
                throw PlatformProblems.InvalidRefreshToken.Exception();
            }

            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == token.UserId, CancellationToken.None) ?? throw PlatformProblems.InvalidRefreshToken.Exception();
            if (user.DisabledAt is not null)
            {
                // Disabling revoked the account's tokens; this covers a refresh that raced it. The claim rolls back with the transaction.
                throw PlatformProblems.AccountDisabled.Exception();
            }

            var response = tokens.Issue(db, user, token.FamilyId);
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            return response;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/refresh", async ([Microsoft.AspNetCore.Mvc.FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] Request? request,
                ISender sender, HttpContext http, CancellationToken ct) =>
            {
                if (request?.RefreshToken is { } token)
                {
                    return TypedResults.Ok(await sender.Send(new Command(token), ct));
                }

                var tokens = await sender.Send(new Command(RefreshCookie.Read(http.Request) ?? throw PlatformProblems.InvalidRefreshToken.Exception()), ct);
                return TypedResults.Ok(RefreshCookie.Keep(http, tokens));
            })
            .WithName("RefreshToken")
            .WithSummary("Exchange a refresh token for a new access and refresh token")
            .WithDescription("Always keep the new refresh token: the one sent is spent. Reusing a spent token revokes its family (401). "
                + "With no refreshToken in the body, the session cookie set by `POST /auth/token?session=Cookie` is used and renewed (the web app). "
                + "Retrying with the same Idempotency-Key within 30 seconds replays the first answer instead of counting as a reuse.")
            .WithMetadata(new IdempotencyWindow(TimeSpan.FromSeconds(30)))
            .AllowAnonymous()
            .Problems(PlatformProblems.InvalidRefreshToken, PlatformProblems.AccountDisabled);
}

internal static class RefreshTokenFamilies
{
    public static Task<int> RevokeFamilyAsync(this PlatformDbContext db, Guid familyId, DateTimeOffset now, CancellationToken ct) =>
        db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
}
