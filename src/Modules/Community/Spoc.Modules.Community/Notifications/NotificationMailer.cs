using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Outbox;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Community.Notifications;

/// <summary>
/// Sends the email outbox (docs/adr/0024). Each mail is claimed by an atomic conditional update (one sender wins, on
/// any number of instances), sent with Polly's retries under its own id (its Message-Id; the pickup folder keeps one
/// file per id), then marked sent. A crash between sending and marking leaves a claim that lapses: the next sender
/// sends the same id again, which the pickup folder ignores and a mail server can recognise by its Message-Id.
/// </summary>
internal sealed class NotificationMailer(
    IServiceScopeFactory scopes, IEmailSender email, EmailSignal signal, IOptions<NotificationOptions> options, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<NotificationMailer> logger) : BackgroundService
{
    private const int BatchSize = 20;

    private readonly ResiliencePipeline _retries = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            Delay = options.Value.RetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
        })
        .Build();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SendEmails || !await lifetime.StartedAsync(stoppingToken))
        {
            return;
        }

        // An announcement to a cohort of 200 queues 200 mails at one signal: ten batches, one after the other.
        await BatchDrain.RunAsync(
            ct => signal.WaitAsync(options.Value.PollingInterval, ct), async ct => await SendDueAsync(ct) >= BatchSize, logger, "Notification mail", stoppingToken);
    }

    /// <summary>One batch: the oldest due mails, each claimed, sent and marked; answers how many were due.</summary>
    private async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.NotificationEmails.AsNoTracking()
            .Where(e => (e.State == EmailState.Pending || e.State == EmailState.Sending) && e.DueAt <= now)
            .OrderBy(e => e.DueAt).Take(BatchSize).ToListAsync(ct);
        foreach (var mail in due)
        {
            var leaseEnd = clock.GetUtcNow() + options.Value.ClaimLease;
            var claimed = await db.NotificationEmails
                .Where(e => e.Id == mail.Id && e.State == mail.State && e.Attempts == mail.Attempts && e.DueAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EmailState.Sending).SetProperty(e => e.DueAt, leaseEnd).SetProperty(e => e.Attempts, e => e.Attempts + 1), ct);
            if (claimed == 0)
            {
                continue; // another sender took it
            }

            try
            {
                await _retries.ExecuteAsync(async token => await email.SendAsync(new EmailMessage(mail.To, mail.Subject, mail.Body, mail.Id), token), ct);
                await db.NotificationEmails.Where(e => e.Id == mail.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EmailState.Sent).SetProperty(e => e.SentAt, clock.GetUtcNow()).SetProperty(e => e.LastError, (string?)null), ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                var rounds = mail.Attempts + 1;
                var state = rounds >= options.Value.MaxRounds ? EmailState.Failed : EmailState.Pending;
                var next = clock.GetUtcNow() + (options.Value.RetryLater * (1 << Math.Min(rounds - 1, 10)));
                var error = ex.ToString()[..Math.Min(ex.ToString().Length, 2000)];
                await db.NotificationEmails.Where(e => e.Id == mail.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, state).SetProperty(e => e.DueAt, next).SetProperty(e => e.LastError, error), ct);
                logger.LogWarning(ex, "Notification mail {MailId} failed (round {Rounds}); {State}", mail.Id, rounds, state);
            }
        }

        return due.Count;
    }
}
