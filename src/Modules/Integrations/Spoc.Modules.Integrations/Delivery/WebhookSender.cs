using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;
using Spoc.Modules.Integrations.Contracts;
using Spoc.Modules.Integrations.Data;
using Spoc.Modules.Integrations.Domain;
using Spoc.SharedKernel.Outbox;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Integrations.Delivery;

/// <summary>
/// Sends webhook deliveries (ADR 0047): the due ones whose endpoint is enabled and that no earlier unfinished delivery of
/// the same subject holds back, each claimed by an atomic conditional update (one sender wins, on any number of instances),
/// sent through the endpoint's own Polly pipeline (quick retries, a timeout, a circuit breaker per endpoint), then marked.
/// A crash between sending and marking leaves a claim that lapses: the delivery is sent again under the same
/// <c>webhook-id</c> (at least once). Failures wait longer each time; an endpoint failing for a day is disabled.
/// </summary>
internal sealed class WebhookSender(
    IServiceScopeFactory scopes, IHttpClientFactory http, WebhookSignal signal, IOptions<WebhookOptions> options, TimeProvider clock,
    IDataProtectionProvider protection, IHostApplicationLifetime lifetime, ILogger<WebhookSender> logger) : BackgroundService
{
    private const int BatchSize = 50;

    private readonly IDataProtector _protector = WebhookSecret.Protector(protection);
    private readonly ResiliencePipelineRegistry<Guid> _pipelines = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Send || !await lifetime.StartedAsync(stoppingToken))
        {
            return;
        }

        await BatchDrain.RunAsync(
            ct => signal.WaitAsync(options.Value.PollingInterval, ct), async ct => await SendDueAsync(ct) >= BatchSize, logger, "Webhook sending", stoppingToken);
    }

    /// <summary>One round: claims what is due and sends it, a few at once; answers how many were due.</summary>
    internal async Task<int> SendDueAsync(CancellationToken ct)
    {
        List<Claim> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
            var now = clock.GetUtcNow();
            due = await db.Deliveries.AsNoTracking()
                .Where(d => (d.State == DeliveryState.Pending || d.State == DeliveryState.Sending) && d.NextAttemptAt <= now)
                .Where(d => d.Ping || db.Endpoints.Any(e => e.Id == d.EndpointId && e.State == WebhookState.Enabled))
                // Head of line: nothing goes while an earlier message of its subject to that endpoint is unfinished.
                .Where(d => !db.Deliveries.Any(p => p.EndpointId == d.EndpointId && p.Subject == d.Subject && p.MessageSequence < d.MessageSequence
                    && (p.State == DeliveryState.Pending || p.State == DeliveryState.Sending)))
                .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.MessageSequence).Take(BatchSize)
                .Select(d => new Claim(d.Id, d.EndpointId, d.State, d.Attempts, d.Message.MessageId, d.Message.Payload))
                .ToListAsync(ct);
        }

        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Parallelism), CancellationToken = ct },
            async (claim, token) =>
            {
                try
                {
                    await SendAsync(claim, token);
                }
                catch (Exception ex) when (!token.IsCancellationRequested)
                {
                    // One delivery's trouble (its row deleted meanwhile, a database hiccup) must not stop the others of the round; its claim lapses.
                    logger.LogError(ex, "Webhook delivery {DeliveryId} could not be sent or recorded", claim.Id);
                }
            });
        return due.Count;
    }

    private async Task SendAsync(Claim claim, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var now = clock.GetUtcNow();
        var claimed = await db.Deliveries
            .Where(d => d.Id == claim.Id && d.State == claim.State && d.Attempts == claim.Attempts && d.NextAttemptAt <= now)
            // Paused or disabled since the round read it: nothing more goes out.
            .Where(d => d.Ping || db.Endpoints.Any(e => e.Id == d.EndpointId && e.State == WebhookState.Enabled))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Sending).SetProperty(d => d.NextAttemptAt, now + options.Value.ClaimLease)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
        if (claimed == 0)
        {
            return; // another sender took it, or it was deleted
        }

        var endpoint = await db.Endpoints.AsNoTracking().Where(e => e.Id == claim.EndpointId)
            .Select(e => new { e.Url, Secrets = e.Secrets.Where(s => s.ExpiresAt == null || s.ExpiresAt > now).OrderByDescending(s => s.CreatedAt).Select(s => s.Protected).ToList() })
            .FirstOrDefaultAsync(ct);
        if (endpoint is null)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var outcome = await AttemptAsync(claim, endpoint.Url, endpoint.Secrets.Select(_protector.Unprotect).ToList(), ct);
        var duration = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (outcome is null)
        {
            // The endpoint's circuit is open: wait for it to close, uncounted.
            await db.Deliveries.Where(d => d.Id == claim.Id && d.State == DeliveryState.Sending && d.Attempts == claim.Attempts + 1)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Pending).SetProperty(d => d.Attempts, d => d.Attempts - 1)
                    .SetProperty(d => d.NextAttemptAt, clock.GetUtcNow() + options.Value.BreakDuration), ct);
            return;
        }

        await RecordAsync(db, claim, outcome, duration, ct);
    }

    /// <summary>One attempt through the endpoint's pipeline: its outcome, or null when its circuit is open.</summary>
    private async Task<Outcome?> AttemptAsync(Claim claim, string url, IReadOnlyList<string> secrets, CancellationToken ct)
    {
        var pipeline = _pipelines.GetOrAddPipeline<HttpResponseMessage>(claim.EndpointId, builder => Build(builder));
        var context = ResilienceContextPool.Shared.Get(ct);
        try
        {
            using var response = await pipeline.ExecuteAsync(async ctx =>
            {
                // Signed per try: receivers reject timestamps more than five minutes away from their clock.
                var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new StringContent(claim.Payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
                };
                request.Headers.Add("webhook-id", claim.MessageId);
                request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
                request.Headers.Add("webhook-signature", WebhookSignature.Sign(claim.MessageId, timestamp, claim.Payload, secrets));
                request.Headers.UserAgent.ParseAdd("Spoc-Webhooks/1");
                return await http.CreateClient(WebhookHttp.ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ctx.CancellationToken);
            }, context);
            var excerpt = await ExcerptAsync(response, options.Value.AttemptTimeout, ct);
            var status = (int)response.StatusCode;
            return new Outcome(status, response.IsSuccessStatusCode ? null : $"HTTP {status}{(status is >= 300 and < 400 ? " (redirects are not followed)" : "")}", excerpt);
        }
        catch (BrokenCircuitException)
        {
            return null;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var reason = ex switch
            {
                TimeoutRejectedException => $"No answer within {options.Value.AttemptTimeout.TotalSeconds:0} s.",
                HttpRequestException { InnerException: WebhookAddressForbiddenException forbidden } => forbidden.Message,
                WebhookAddressForbiddenException forbidden => forbidden.Message,
                _ => ex.GetBaseException().Message,
            };
            return new Outcome(null, reason, null);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private void Build(ResiliencePipelineBuilder<HttpResponseMessage> builder)
    {
        var transient = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>(e => e.InnerException is not WebhookAddressForbiddenException)
            .Handle<TimeoutRejectedException>()
            .HandleResult(r => (int)r.StatusCode >= 500 || (int)r.StatusCode is 408 or 429);
        if (options.Value.InProcessRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.Value.InProcessRetries, Delay = TimeSpan.FromSeconds(1), BackoffType = DelayBackoffType.Exponential, UseJitter = true,
                ShouldHandle = transient,
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = 0.5, MinimumThroughput = 4, SamplingDuration = TimeSpan.FromMinutes(2), BreakDuration = options.Value.BreakDuration,
            ShouldHandle = transient,
        });
        builder.AddTimeout(options.Value.AttemptTimeout);
    }

    /// <summary>The start of the answer's body, read within the attempt's timeout: a receiver trickling its body holds no sender.</summary>
    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(limit.Token);
            var buffer = new char[WebhookAttempt.ExcerptLength];
            using var reader = new StreamReader(body, Encoding.UTF8);
            var read = await reader.ReadBlockAsync(buffer, limit.Token);
            return read == 0 ? null : new string(buffer, 0, read);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return null; // the status is what counts; an answer cut short loses only its excerpt
        }
    }

    private async Task RecordAsync(IntegrationsDbContext db, Claim claim, Outcome outcome, int duration, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        db.Attempts.Add(new WebhookAttempt
        {
            DeliveryId = claim.Id, At = now, StatusCode = outcome.StatusCode, DurationMs = duration, Error = outcome.Error, ResponseExcerpt = outcome.Excerpt,
        });
        // Only while the claim is still ours: a claim that lapsed mid-send was taken by another sender, whose outcome counts.
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == claim.Id && d.State == DeliveryState.Sending && d.Attempts == claim.Attempts + 1, ct);
        if (delivery is null)
        {
            if (await db.Deliveries.AnyAsync(d => d.Id == claim.Id, ct))
            {
                await db.SaveChangesAsync(ct); // the attempt stays in the log; a deleted webhook took its deliveries with it
            }

            return;
        }

        var endpoint = await db.Endpoints.FirstAsync(e => e.Id == claim.EndpointId, ct);
        delivery.LastStatusCode = outcome.StatusCode;
        delivery.LastError = outcome.Error;
        delivery.LastAttemptAt = now;
        if (outcome.Error is null)
        {
            delivery.State = DeliveryState.Succeeded;
            delivery.DeliveredAt = now;
            endpoint.FailingSince = null;
        }
        else
        {
            var failed = delivery.Attempts >= options.Value.MaxAttempts;
            delivery.State = failed ? DeliveryState.Failed : DeliveryState.Pending;
            var wait = WebhookOptions.Backoff[Math.Min(delivery.Attempts, WebhookOptions.Backoff.Length) - 1];
            delivery.NextAttemptAt = now + (wait * (0.9 + (Random.Shared.NextDouble() * 0.2)));
            endpoint.FailingSince ??= now;
            if (!delivery.Ping && endpoint.State == WebhookState.Enabled && now - endpoint.FailingSince >= options.Value.DisableAfter)
            {
                endpoint.State = WebhookState.DisabledFailing;
                endpoint.DisabledAt = now;
                db.AddIntegrationEvent(new WebhookEndpointDisabled(endpoint.Id, endpoint.OrganizationId, endpoint.Url, endpoint.FailingSince.Value, now), now);
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
            if (endpoint.State == WebhookState.DisabledFailing && endpoint.DisabledAt == now)
            {
                await db.ParkAsync(endpoint.Id, ct);
                logger.LogWarning("Webhook {WebhookId} disabled after failing since {FailingSince}", endpoint.Id, endpoint.FailingSince);
                return;
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            // The endpoint changed meanwhile (an admin's edit, another sender's failure): record the attempt, leave the endpoint,
            // and whatever its change would have announced, to them.
            db.ChangeTracker.Entries<WebhookEndpoint>().Single().State = EntityState.Unchanged;
            foreach (var announced in db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).ToList())
            {
                announced.State = EntityState.Detached;
            }

            await db.SaveChangesAsync(ct);
        }

        await db.FollowAsync(delivery, now, ct);
    }

    private sealed record Claim(Guid Id, Guid EndpointId, DeliveryState State, int Attempts, string MessageId, string Payload);

    private sealed record Outcome(int? StatusCode, string? Error, string? Excerpt);
}
