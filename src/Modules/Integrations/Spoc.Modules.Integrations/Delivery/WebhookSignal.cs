namespace Spoc.Modules.Integrations.Delivery;

/// <summary>Wakes the webhook sender when a commit queued deliveries, instead of waiting for its next poll.</summary>
internal sealed class WebhookSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // already awake
        }
    }

    /// <summary>Real time, not the injected clock: a poll interval is about the machine, and tests freeze the clock.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose() => _signal.Dispose();
}
