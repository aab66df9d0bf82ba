using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Api.Tests.Messaging;

/// <summary>
/// The dispatcher is woken by a commit that wrote an outbox row, and then reads that module's outbox only; a write
/// without an event (a sign-in) wakes nothing. With an hour between polls, every poll seen here is a wake-up: the first
/// full pass waits one interval after start.
/// </summary>
public sealed class OutboxSignalTests
{
    [Test]
    public async Task Writes_without_an_event_wake_nothing_and_an_event_wakes_only_its_own_outbox()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["Outbox:PollingInterval"] = "01:00:00" });
        var outboxes = factory.Services.GetServices<ModuleDatabase>().Count(d => d.HasOutbox);
        var before = factory.Queries.OutboxPolls;

        for (var i = 0; i < 3; i++)
        {
            _ = await factory.AdminClientAsync(); // a refresh token row, no event
        }

        await Task.Delay(300);
        factory.Queries.OutboxPolls.Should().Be(before, "no pass before the first interval, and a write without an event wakes nothing");

        var mail = RecordingEmailSender.Next(SpocApiFactory.AdminEmail, _ => true);
        (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/password-reset", new { email = SpocApiFactory.AdminEmail })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await mail;

        (factory.Queries.OutboxPolls - before).Should().BeInRange(1, outboxes - 1, "the reset mail's outbox is read, not every module's");
    }

    [Test]
    public async Task A_backlog_drains_batch_after_batch_without_waiting_for_the_next_poll()
    {
        string dataDirectory;
        using (var writer = new SpocApiFactory(new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" }))
        {
            dataDirectory = writer.DataDirectory;
            for (var i = 0; i < 10; i++)
            {
                await RegisterAsync(writer, "backlog");
            }
        }

        // An hour between polls and batches of 3: one commit's signal must carry the dispatcher through the 11 messages.
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["Outbox:PollingInterval"] = "01:00:00", ["Outbox:BatchSize"] = "3" }, dataDirectory);
        await RegisterAsync(factory, "wake");

        await TestApi.EventuallyAsync(async () => await PendingAsync(factory) == 0, "the whole backlog is published after one wake-up", 20_000);
    }

    private static async Task RegisterAsync(SpocApiFactory factory, string name) =>
        (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = TestApi.UniqueEmail(name), password = "Passw0rd-Test", displayName = "Backlog" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);

    private static async Task<int> PendingAsync(SpocApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutboxMessages.CountAsync(m => m.ProcessedAt == null);
    }
}
