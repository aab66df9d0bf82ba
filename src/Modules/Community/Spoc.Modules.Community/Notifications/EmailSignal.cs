namespace Spoc.Modules.Community.Notifications;

/// <summary>Wakes the mail sender when a commit queued mail, instead of waiting for its next poll.</summary>
internal sealed class EmailSignal : IDisposable
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

/// <summary>The <c>Notifications</c> section.</summary>
internal sealed class NotificationOptions
{
    /// <summary>False stops the mail sender and the digest (tests that need mail to wait in the outbox).</summary>
    public bool SendEmails { get; set; } = true;

    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a sender's claim on a mail holds; past it, another sender (after a crash) takes it over.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Polly's in-process retries of one send: this first delay, doubled each time, three retries.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>After Polly gave up, the mail waits this long (doubled per failed round) in the outbox; failed for good after <see cref="MaxRounds"/>.</summary>
    public TimeSpan RetryLater { get; set; } = TimeSpan.FromMinutes(1);

    public int MaxRounds { get; set; } = 6;

    /// <summary>The time of day (UTC) the daily digest covers everything queued before.</summary>
    public TimeOnly DigestAt { get; set; } = new(7, 0);
}
