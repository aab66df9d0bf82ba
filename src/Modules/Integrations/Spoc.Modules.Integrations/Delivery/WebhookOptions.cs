namespace Spoc.Modules.Integrations.Delivery;

/// <summary>The <c>Webhooks</c> section (docs/configuration.md).</summary>
internal sealed class WebhookOptions
{
    /// <summary>
    /// Lets endpoints on the loopback interface (127.0.0.0/8, ::1, and http there) through the address guard: for tests and
    /// development only. Start-up refuses it in Production.
    /// </summary>
    public bool AllowLoopback { get; set; }

    /// <summary>False stops the sender (tests that need deliveries to wait).</summary>
    public bool Send { get; set; } = true;

    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a sender's claim on a delivery holds; past it, another sender (after a crash) sends it again, under the same id.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Deliveries sent at once by one instance.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>One HTTP exchange's limit, connection included.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Quick retries inside one attempt (after 1 s, then 2 s) for a dropped connection or a 5xx, before the attempt counts as failed.</summary>
    public int InProcessRetries { get; set; } = 2;

    /// <summary>After this many failed attempts (about three days with the schedule) a delivery is failed; "resend" tries again.</summary>
    public int MaxAttempts { get; set; } = 15;

    /// <summary>An endpoint whose every attempt failed for this long is disabled and its organisation's admins told.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long an endpoint's circuit stays open after most of its recent attempts failed: its deliveries wait, uncounted.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the log keeps a succeeded delivery (failed ones stay until the webhook is deleted).</summary>
    public TimeSpan LogRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The wait after the n-th failed attempt (then the last one, again and again), each with ±10 % jitter.</summary>
    public static readonly TimeSpan[] Backoff =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8),
    ];
}
