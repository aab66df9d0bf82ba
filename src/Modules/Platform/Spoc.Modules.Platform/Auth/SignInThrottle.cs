using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Platform.Auth;

/// <summary>
/// Per-account limit on /auth/token (<c>RateLimiting:TokenPermitsPerAccount</c> per <c>RateLimiting:TokenWindow</c>):
/// guessing one person's password from many addresses is slowed down as much as from one.
/// </summary>
internal sealed class SignInThrottle(IConfiguration configuration) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration.GetValue("RateLimiting:TokenPermitsPerAccount", 5),
            Window = configuration.GetValue("RateLimiting:TokenWindow", TimeSpan.FromMinutes(1)),
            QueueLimit = 0,
        }));

    public void Enter(string normalizedEmail)
    {
        using var lease = _limiter.AttemptAcquire(normalizedEmail);
        if (!lease.IsAcquired)
        {
            throw new ProblemException(429, "too-many-requests", "Too many sign-in attempts", "Too many attempts for this account; retry later.")
            {
                RetryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1),
            };
        }
    }

    public void Dispose() => _limiter.Dispose();
}
