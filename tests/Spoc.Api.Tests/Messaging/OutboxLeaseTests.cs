using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Spoc.Api.Tests.Infrastructure;
using Spoc.SharedKernel.Email;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Outbox;
using Spoc.SharedKernel.Scheduling;

namespace Spoc.Api.Tests.Messaging;

/// <summary>
/// Several instances on one database (ADR 0050): each outbox message is published by the instance that claimed it, one
/// context's messages in order, each mail sent once; the claim of an instance that vanished is taken over once it lapses.
/// </summary>
// Slow: three hosts on one database, and a backlog of registrations.
[Category("Slow")]
public sealed class OutboxLeaseTests
{
    [Test]
    public async Task Two_instances_draining_one_backlog_publish_each_event_once_in_order_and_send_each_mail_once()
    {
        var emails = Enumerable.Range(0, 40).Select(i => TestApi.UniqueEmail($"lease{i}")).ToList();
        string dataDirectory;
        List<Guid> backlog;
        using (var writer = new SpocApiFactory(new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" }))
        {
            dataDirectory = writer.DataDirectory;
            var anonymous = writer.CreateClient();
            foreach (var email in emails) // one after another: commit order is the order of the events
            {
                (await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, password = "Passw0rd-Test", displayName = "Lease" }))
                    .StatusCode.Should().Be(HttpStatusCode.Created);
            }

            backlog = [.. (await RegistrationsAsync(writer)).Where(m => m.ProcessedAt == null).Select(m => m.Id)];
            backlog.Should().HaveCount(emails.Count);
        }

        // Small batches: both dispatchers race for each claim of the context; the one holding it drains the backlog batch after
        // batch, the other finds it claimed at each of its polls until it is done.
        var settings = new Dictionary<string, string?> { ["Outbox:BatchSize"] = "3" };
        using var first = new SpocApiFactory(settings, dataDirectory);
        using var second = new SpocApiFactory(settings, dataDirectory);
        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

        await TestApi.EventuallyAsync(async () => (await RegistrationsAsync(first)).Count(m => backlog.Contains(m.Id) && m.ProcessedAt != null) == emails.Count, "the backlog is published", 60_000);
        await Task.WhenAll(first.OutboxDispatchedAsync(), second.OutboxDispatchedAsync()); // a duplicate would have shown by now

        var sent = first.Emails.Sent.Concat(second.Emails.Sent).Where(m => emails.Contains(m.To)).ToList();
        sent.Select(m => m.To).Should().BeEquivalentTo(emails, "each registration mail is sent once, by one instance");
        var published = (await RegistrationsAsync(first)).Where(m => backlog.Contains(m.Id)).OrderBy(m => m.OccurredAt).ToList();
        published.Select(m => m.ProcessedAt).Should().BeInAscendingOrder("one context's events are published in the order they occurred");
        published.Select(m => m.LockedBy).Should().OnlyContain(h => h == Holder(first) || h == Holder(second), "each message was published under a claim");
    }

    [Test]
    public async Task The_claim_of_a_vanished_instance_is_taken_over_once_it_lapses()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var email = TestApi.UniqueEmail("vanished");
        string dataDirectory;
        using (var crashed = new SpocApiFactory(new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" }))
        {
            dataDirectory = crashed.DataDirectory;
            (await crashed.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email, password = "Passw0rd-Test", displayName = "Vanished" }))
                .StatusCode.Should().Be(HttpStatusCode.Created);
            // As an instance killed in the middle of its batch leaves it: claimed for another 40 seconds.
            await using var scope = crashed.Services.CreateAsyncScope();
            var until = clock.GetUtcNow().AddSeconds(40);
            (await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxMessages.Where(m => m.ProcessedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, "killed-instance").SetProperty(m => m.LockedUntil, until))).Should().Be(1);
        }

        using var survivor = new SpocApiFactory(new Dictionary<string, string?> { ["Outbox:LeaseDuration"] = "00:01:00" }, dataDirectory) { Clock = clock };
        _ = survivor.Services;
        await survivor.OutboxDispatchedAsync();
        survivor.Emails.Sent.Should().NotContain(m => m.To == email, "the message is another instance's while its claim holds");
        (await RegistrationsAsync(survivor)).Should().ContainSingle().Which.ProcessedAt.Should().BeNull();

        clock.Advance(TimeSpan.FromSeconds(41));
        await TestApi.EventuallyAsync(() => Task.FromResult(survivor.Emails.Sent.Any(m => m.To == email)), "the lapsed claim is taken over");
        await TestApi.EventuallyAsync(async () => (await RegistrationsAsync(survivor)).Single().ProcessedAt != null, "the message is marked published");
        await survivor.OutboxDispatchedAsync();

        survivor.Emails.Sent.Should().ContainSingle(m => m.To == email);
        var message = (await RegistrationsAsync(survivor)).Single();
        message.LockedBy.Should().Be(Holder(survivor));
        message.Attempts.Should().Be(0);
    }

    [Test]
    public async Task Stopping_an_instance_mid_batch_hands_its_claims_back_at_once()
    {
        var relay = new HangingEmailSender();
        string dataDirectory;
        using (var template = new SpocApiFactory(new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" }))
        {
            dataDirectory = template.DataDirectory;
        }

        using var host = new SpocApiFactory(dataDirectory: dataDirectory);
        var stopping = host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IEmailSender>(relay)));
        var anonymous = stopping.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email = TestApi.UniqueEmail("stop"), password = "Passw0rd-Test", displayName = "Stop" }))
                .StatusCode.Should().Be(HttpStatusCode.Created);
        }

        await relay.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10)); // a batch is claimed and its first mail hangs
        (await PendingAsync(stopping)).Should().Contain(m => m.LockedUntil != null, "the batch is claimed while its first mail hangs");
        await stopping.DisposeAsync();
        host.Logs.Should().NotContain(l => l.Contains("Outbox dispatch loop failed", StringComparison.Ordinal), "a stop is not a failure of the dispatcher");

        using var after = new SpocApiFactory(new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" }, dataDirectory);
        (await PendingAsync(after)).Should().NotBeEmpty().And.OnlyContain(m => m.LockedBy == null && m.LockedUntil == null,
            "an instance that stops hands back what it had not published, for another to take at once");
    }

    /// <summary>A mail relay that never answers: the handler waits until the host stops.</summary>
    private sealed class HangingEmailSender : IEmailSender
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SendAsync(EmailMessage message, CancellationToken ct)
        {
            Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }
    }

    private static async Task<List<OutboxMessage>> PendingAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxMessages.AsNoTracking().Where(m => m.ProcessedAt == null).ToListAsync();
    }

    private static string Holder(SpocApiFactory factory) => factory.Services.GetRequiredService<LeaseHolder>().Id;

    private static async Task<List<OutboxMessage>> RegistrationsAsync(SpocApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Type.Contains("UserRegistered")).ToListAsync();
    }
}
