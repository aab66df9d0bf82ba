using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Spoc.Modules.Platform.Auth;

/// <summary>
/// Per-account limits on /auth/token, after the host's per-IP one. Strict per account and client address
/// (<c>RateLimiting:TokenPermitsPerAccountAndIp</c>, 5): guessing from one place stops quickly, while the owner, from
/// anywhere else, still signs in. Loose per account whatever the address (<c>RateLimiting:TokenPermitsPerAccount</c>, 50):
/// guessing from many addresses is slowed down, without letting one attacker lock the owner out. Both per
/// <c>RateLimiting:TokenWindow</c>. The address is the connection's, or the one a configured proxy forwarded.
/// </summary>
internal sealed class SignInThrottle(IConfiguration configuration, IHttpContextAccessor http) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAccountAndIp = Limiter(configuration, "RateLimiting:TokenPermitsPerAccountAndIp", 5);
    private readonly PartitionedRateLimiter<string> _perAccount = Limiter(configuration, "RateLimiting:TokenPermitsPerAccount", 50);

    public void Enter(string normalizedEmail)
    {
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var pair = _perAccountAndIp.AttemptAcquire($"{normalizedEmail}|{ip}");
        using var account = pair.IsAcquired ? _perAccount.AttemptAcquire(normalizedEmail) : null;
        if (account is not { IsAcquired: true })
        {
            var refused = account ?? pair;
            throw PlatformProblems.TooManySignInAttempts.Exception().RetryingAfter(refused.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));
        }
    }

    public void Dispose()
    {
        _perAccountAndIp.Dispose();
        _perAccount.Dispose();
    }

    private static PartitionedRateLimiter<string> Limiter(IConfiguration configuration, string permitsKey, int defaultPermits) =>
        PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = configuration.GetValue(permitsKey, defaultPermits),
                Window = configuration.GetValue("RateLimiting:TokenWindow", TimeSpan.FromMinutes(1)),
                QueueLimit = 0,
            }));
}
