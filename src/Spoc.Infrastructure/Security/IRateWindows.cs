using System.Threading.RateLimiting;

namespace Spoc.SharedKernel.Security;

/// <summary>
/// Fixed windows of permits counted per key: in this instance's memory, or in Redis when <c>Redis:Connection</c> is set,
/// so that a caller's budget is one across every instance (ADR 0052). Redis windows answer asynchronously only: acquire
/// with <see cref="RateLimiter.AcquireAsync"/>.
/// </summary>
public interface IRateWindows
{
    /// <param name="policy">Names the budget: two policies never share a count, even for the same key.</param>
    RateLimitPartition<string> Partition(string policy, string key, int permits, TimeSpan window);
}
