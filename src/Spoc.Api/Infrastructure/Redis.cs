using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using RedisRateLimiting;
using Spoc.SharedKernel.Security;
using StackExchange.Redis;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;

namespace Spoc.Api.Infrastructure;

/// <summary>
/// <c>Redis:Connection</c>: what instances share besides the database (ADR 0052). One connection per instance for the rate
/// limits and the readiness probe and Platform's cache invalidations (the SignalR backplane keeps its own, see <see cref="Live"/>). It never aborts on a failed
/// connect: an instance starts and serves while Redis is away, and reconnects in the background.
/// </summary>
internal static class Redis
{
    public static IServiceCollection AddSpocRedis(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration["Redis:Connection"] is not { Length: > 0 } connection)
        {
            return services.AddSingleton<IRateWindows, LocalRateWindows>();
        }

        var options = ConfigurationOptions.Parse(connection);
        options.AbortOnConnectFail = false;
        // A counter on the request path: a Redis that hangs costs each request a quarter of a second, then the local window.
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 250);
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSingleton<IRateWindows, RedisRateWindows>();
        // Platform's cache of who people are hears of changes made on other instances through this connection (ADR 0056).
        services.AddFusionCacheStackExchangeRedisBackplane();
        services.AddOptions<RedisBackplaneOptions>().Configure<IServiceProvider>((backplane, sp) =>
            backplane.ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()));
        // Degraded, not unhealthy: every instance loses Redis at once, and they all keep serving (local windows), so the load
        // balancer must not take them all out; the state still shows in the readiness body.
        services.AddHealthChecks().AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), name: "redis", failureStatus: Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded,
            tags: ["ready"], timeout: TimeSpan.FromSeconds(2));
        return services;
    }
}

/// <summary>Windows in this instance's memory: with N instances behind a load balancer, a caller gets N budgets.</summary>
internal sealed class LocalRateWindows : IRateWindows
{
    public RateLimitPartition<string> Partition(string policy, string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => LocalWindow(permits, window));

    internal static FixedWindowRateLimiterOptions LocalWindow(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };
}

/// <summary>
/// Windows counted in Redis (RedisRateLimiting's fixed window: one Lua script per request, atomic on the server).
/// When Redis is unreachable each instance falls back to its own window of the same size, said once in the log per
/// outage: limits keep protecting sign-in and the API (N times looser), and no request fails because of a counter.
/// </summary>
internal sealed class RedisRateWindows(IConnectionMultiplexer redis, ILogger<RedisRateWindows> logger) : IRateWindows
{
    private readonly IConnectionMultiplexer _redis = redis;

    private int _degraded;

    public RateLimitPartition<string> Partition(string policy, string key, int permits, TimeSpan window) =>
        RateLimitPartition.Get(key, k => new SharedWindow(this, RedisKey(policy, k), permits, window));

    /// <summary>Keys hashed: Redis is told no addresses, user ids or calendar tokens, only that a budget exists.</summary>
    private static string RedisKey(string policy, string key) =>
        $"spoc:{policy}:{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 18)}";

    /// <summary>Counts in this instance's window; the first time since Redis was last reachable, says so.</summary>
    private RateLimitLease Fallback(FixedWindowRateLimiter local, int permitCount, Exception? reason)
    {
        if (Interlocked.Exchange(ref _degraded, 1) == 0)
        {
            logger.LogWarning(reason, "Redis is unreachable: rate limits are counted per instance until it is back");
        }

        return local.AttemptAcquire(permitCount);
    }

    private void Recovered()
    {
        if (Interlocked.Exchange(ref _degraded, 0) == 1)
        {
            logger.LogInformation("Redis is back: rate limits are counted across instances again");
        }
    }

    private sealed class SharedWindow(RedisRateWindows owner, string key, int permits, TimeSpan window) : RateLimiter
    {
        private readonly RedisFixedWindowRateLimiter<string> _shared = new(key, new RedisFixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            ConnectionMultiplexerFactory = () => owner._redis,
        });

        private readonly FixedWindowRateLimiter _local = new(LocalRateWindows.LocalWindow(permits, window));

        private int _asking;

        // Kept while a Redis call is out or the local fallback counts something; otherwise idle, and dropped by the partitioned limiter.
        public override TimeSpan? IdleDuration => Volatile.Read(ref _asking) > 0 ? null : _local.IdleDuration;

        public override RateLimiterStatistics? GetStatistics() => null;

        // Redis cannot answer synchronously: "not acquired" sends the rate limiting middleware on to AcquireAsync.
        protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
            owner._redis.IsConnected ? WindowLease.Refused(null) : owner.Fallback(_local, permitCount, reason: null);

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            if (!owner._redis.IsConnected)
            {
                return owner.Fallback(_local, permitCount, reason: null);
            }

            Interlocked.Increment(ref _asking);
            try
            {
                using var lease = await _shared.AcquireAsync(permitCount, cancellationToken);
                owner.Recovered();
                return lease.IsAcquired ? WindowLease.Granted
                    : WindowLease.Refused(lease.TryGetMetadata(RateLimitMetadataName.RetryAfter.Name, out var seconds) && seconds is int s ? TimeSpan.FromSeconds(s) : null);
            }
            catch (Exception e) when (e is RedisException or TimeoutException) // RedisTimeoutException is a TimeoutException
            {
                return owner.Fallback(_local, permitCount, e);
            }
            finally
            {
                Interlocked.Decrement(ref _asking);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _shared.Dispose();
                _local.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A Redis window's answer, with its wait as a <see cref="TimeSpan"/> (<see cref="MetadataName.RetryAfter"/>) like the in-memory windows'.</summary>
    private sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly WindowLease Granted = new(true, null);

        public static WindowLease Refused(TimeSpan? retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
