using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Community.Features.Calendar;

/// <summary>
/// The secret in a calendar feed's URL: 256 random bits (nothing to guess), kept only as their SHA-256 (a plain hash is
/// enough for a random secret, and it lets the feed find its owner in one indexed lookup).
/// </summary>
internal static class CalendarTokens
{
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The token's owner; an unknown, regenerated or revoked token is 404, like any URL that leads nowhere.</summary>
    public static async Task<Guid> OwnerAsync(this CommunityDbContext db, string token, CancellationToken ct)
    {
        var hash = Hash(token);
        return await db.CalendarFeeds.Where(f => f.TokenHash == hash).Select(f => (Guid?)f.UserId).FirstOrDefaultAsync(ct)
            ?? throw ProblemException.NotFound("This calendar feed");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
