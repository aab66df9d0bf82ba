using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Platform.Data;

namespace Spoc.Api.Tests.Messaging;

/// <summary>Integration events survive failures and restarts, and each handler acts on each event once.</summary>
// Slow: hosts of its own, restarted, and a retry back-off waited out in real time.
[Category("Slow")]
public sealed class OutboxTests
{
    [Test]
    public async Task A_failing_handler_is_retried_later_and_the_event_is_not_lost()
    {
        using var factory = new SpocApiFactory();
        factory.Emails.FailNext(2);
        var email = TestApi.UniqueEmail();

        (await factory.CreateClient().RegisterAsync(email)).StatusCode.Should().Be(HttpStatusCode.Created);

        await TestApi.EventuallyAsync(() => Task.FromResult(factory.Emails.Sent.Any(m => m.To == email)), "the verification email is sent on a retry");
        factory.Emails.Attempts.Should().BeGreaterThanOrEqualTo(3);
        factory.Emails.Sent.Count(m => m.To == email).Should().Be(1);

        await TestApi.EventuallyAsync(async () => (await ReadOutboxAsync(factory)).Any(m => m.ProcessedAt != null), "the dispatcher records the delivery");
        var outbox = await ReadOutboxAsync(factory);
        outbox.Should().ContainSingle(m => m.Type.Contains("UserRegistered") && m.ProcessedAt != null && m.Attempts == 2);

        // The other handler of the same event succeeded on the first delivery and was skipped on the retries.
        var inbox = await ReadInboxAsync(factory, outbox.Single(m => m.Type.Contains("UserRegistered")).Id);
        inbox.Should().BeEquivalentTo(
            "Spoc.Modules.Platform.EventHandlers.AcceptPendingInvitations",
            "Spoc.Modules.Platform.EventHandlers.SendRegistrationEmail");
    }

    [Test]
    public async Task Stopping_between_save_and_dispatch_delivers_exactly_once_after_restart()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "spoc-tests", Guid.NewGuid().ToString("N"));
        var email = TestApi.UniqueEmail("restart");
        Guid organizationId;

        using (var stopped = new SpocApiFactory(new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" }, dataDirectory))
        {
            var admin = await stopped.AdminClientAsync();
            organizationId = await admin.CreateOrganizationAsync();
            await admin.AddMemberAsync(organizationId, email, "Trainer"); // an invitation: no account yet
            // Not TestApi.RegisterAsync: with the dispatcher stopped, no verification mail comes to complete it.
            (await stopped.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email, password = "Passw0rd-Test", displayName = "Restart" }))
                .StatusCode.Should().Be(HttpStatusCode.Created);

            // No dispatcher runs in this host: nothing can have been sent, however long we wait.
            stopped.Emails.Sent.Should().BeEmpty();
            (await ReadOutboxAsync(stopped)).Should().HaveCount(2).And.OnlyContain(m => m.ProcessedAt == null);
        }

        using var restarted = new SpocApiFactory(dataDirectory: dataDirectory);
        restarted.CreateClient(); // starts the host, and with it the dispatcher
        await TestApi.EventuallyAsync(async () => (await ReadOutboxAsync(restarted)).All(m => m.ProcessedAt != null), "both pending events are dispatched");
        await restarted.OutboxDispatchedAsync(); // the dispatcher looked again: a duplicate delivery would have shown up

        restarted.Emails.Sent.Where(m => m.To == email).Select(m => m.Subject).Should().HaveCount(2)
            .And.ContainSingle(s => s.StartsWith("Invitation", StringComparison.Ordinal))
            .And.ContainSingle(s => s.StartsWith("Confirmez", StringComparison.Ordinal));

        // The invitation mailed after the restart works: its link is the one that was stored.
        var token = System.Text.RegularExpressions.Regex.Match(restarted.Emails.Sent.Single(m => m.Subject.StartsWith("Invitation", StringComparison.Ordinal)).Body, "invitation=([A-Za-z0-9_-]+)").Groups[1].Value;
        var verification = RecordingEmailSender.VerificationToken(restarted.Emails.Sent.Single(m => m.Subject.StartsWith("Confirmez", StringComparison.Ordinal)));
        (await restarted.CreateClient().PostAsJsonAsync("/api/v1/auth/verify-email", new { token = verification })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var trainer = await restarted.SignedInClientAsync(email);
        (await trainer.PostAsync($"/api/v1/organization-invitations/{token}/accept", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var me = await (await trainer.GetAsync("/api/v1/me")).ReadJsonAsync();
        me["organizations"]!.AsArray().Should().ContainSingle(o => o!["organizationId"]!.GetValue<Guid>() == organizationId && o["role"]!.GetValue<string>() == "Trainer");
    }

    private static async Task<List<Spoc.SharedKernel.Outbox.OutboxMessage>> ReadOutboxAsync(SpocApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
    }

    private static async Task<List<string>> ReadInboxAsync(SpocApiFactory factory, Guid eventId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().InboxRecords.Where(r => r.EventId == eventId).Select(r => r.Handler).ToListAsync();
    }
}
