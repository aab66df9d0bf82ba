using Microsoft.Extensions.Hosting;

namespace Spoc.SharedKernel.Persistence;

public static class HostStarted
{
    /// <summary>
    /// Background work that can wait (the outbox's first pass, the idempotency janitor) waits until the host serves
    /// requests: on two cores, building six DbContext models in parallel with start-up delayed readiness.
    /// False when the host stops first.
    /// </summary>
    public static async Task<bool> StartedAsync(this IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
