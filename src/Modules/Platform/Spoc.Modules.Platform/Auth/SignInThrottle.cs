using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Auth;

/// <summary>
/// Per-account limits on /auth/token, after the host's per-IP one. Strict per account and client address
/// (<c>RateLimiting:TokenPermitsPerAccountAndIp</c>, 5): guessing from one place stops quickly, while the owner, from
/// anywhere else, still signs in. Loose per account whatever the address (<c>RateLimiting:TokenPermitsPerAccount</c>, 50):
/// guessing from many addresses is slowed down, without letting one attacker lock the owner out. Both per
/// <c>RateLimiting:TokenWindow</c>. The address is the connection's, or the one a configured proxy forwarded.
/// </summary>
internal sealed class SignInThrottle(IConfiguration configuration, IHttpContextAccessor http, IRateWindows windows) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAccountAndIp = Limiter(configuration, windows, "sign-in-account-ip", "RateLimiting:TokenPermitsPerAccountAndIp", 5);
    private readonly PartitionedRateLimiter<string> _perAccount = Limiter(configuration, windows, "sign-in-account", "RateLimiting:TokenPermitsPerAccount", 50);

    public async ValueTask EnterAsync(string normalizedEmail, CancellationToken ct)
    {
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var pair = await _perAccountAndIp.AcquireAsync($"{normalizedEmail}|{ip}", cancellationToken: ct);
        using var account = pair.IsAcquired ? await _perAccount.AcquireAsync(normalizedEmail, cancellationToken: ct) : null;
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

    // Counted across instances when the host counts in Redis (ADR 0052): guessing through N instances gains nothing.
    private static PartitionedRateLimiter<string> Limiter(IConfiguration configuration, IRateWindows windows, string policy, string permitsKey, int defaultPermits) =>
        PartitionedRateLimiter.Create<string, string>(key => windows.Partition(
            policy, key, configuration.GetValue(permitsKey, defaultPermits), configuration.GetValue("RateLimiting:TokenWindow", TimeSpan.FromMinutes(1))));
}
