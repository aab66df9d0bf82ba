using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Auth;

/// <summary>
/// Mailed single-use links: made when the mail is sent (so the token never sits in the outbox), claimed once, atomically.
/// Lifetimes: <c>Auth:EmailVerificationLifetime</c> (7 days) and <c>Auth:PasswordResetLifetime</c> (1 hour).
/// </summary>
internal static class AccountTokens
{
    public static string Issue(PlatformDbContext db, IConfiguration configuration, Guid userId, AccountTokenPurpose purpose, DateTimeOffset now)
    {
        var lifetime = purpose == AccountTokenPurpose.VerifyEmail
            ? configuration.GetValue("Auth:EmailVerificationLifetime", TimeSpan.FromDays(7))
            : configuration.GetValue("Auth:PasswordResetLifetime", TimeSpan.FromHours(1));
        var token = SecretTokens.New();
        db.AccountTokens.Add(new AccountToken { UserId = userId, Purpose = purpose, TokenHash = SecretTokens.Hash(token), CreatedAt = now, ExpiresAt = now + lifetime });
        return token;
    }

    /// <summary>Spends the token and returns its account; of two concurrent uses only one wins. Unknown, used, expired: 400 invalid-token.</summary>
    public static async Task<Guid> ClaimAsync(this PlatformDbContext db, string token, AccountTokenPurpose purpose, DateTimeOffset now, CancellationToken ct)
    {
        var hash = SecretTokens.Hash(token);
        var found = await db.AccountTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now)
            .Select(t => new { t.Id, t.UserId })
            .FirstOrDefaultAsync(ct);
        var claimed = found is null ? 0 : await db.AccountTokens
            .Where(t => t.Id == found.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        return claimed == 1
            ? found!.UserId
            : throw PlatformProblems.InvalidToken.Exception();
    }
}
