using System.Net;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Spoc.Api.Tests.Cohorts;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Integrations.Data;
using Spoc.Modules.Platform.Contracts;

namespace Spoc.Api.Tests.Integrations;

/// <summary>A receiver that keeps failing, on a clock the test moves: backoff, then the webhook disabled with a notice, then enabled again.</summary>
public sealed class WebhookFailureTests
{
    [Test]
    public async Task A_webhook_failing_for_a_day_is_disabled_its_admins_told_and_once_enabled_what_waited_goes_out()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new SpocApiFactory(Webhooks.LoopbackSettings(("Webhooks:InProcessRetries", "0"), ("Webhooks:BreakDuration", "00:00:00.500"))) { Clock = clock };
        var world = await CohortWorld.CreateAsync(factory);
        var (orgAdmin, _, adminEmail) = (await factory.PeopleAsync(1, "org-admin", world.OrganizationId, OrganizationRole.OrgAdmin)).Single();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = _ => (503, TimeSpan.Zero);
        var webhookId = await orgAdmin.SubscribeAsync(world.OrganizationId, receiver, "enrolment.created");
        var cohortId = await world.CohortAsync();
        var learner = await world.LearnerAsync();
        (await world.DecideAsync(cohortId, await CohortWorld.ApplyAsync(learner.Client, cohortId), "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);
        await receiver.UntilReceivedAsync(1, "the first attempt");

        // Each wait of the schedule is at most 8 h (+10 % jitter): moving 9 h makes the next attempt due.
        var attempts = 1;
        await TestApi.EventuallyAsync(async () => await AttemptsLoggedAsync(factory, webhookId) >= 1, "the first attempt is recorded (its next time set) before the clock moves");
        while (!await DisabledAsync(factory, webhookId))
        {
            clock.Advance(TimeSpan.FromHours(9));
            await receiver.UntilReceivedAsync(++attempts, $"attempt {attempts}");
            await TestApi.EventuallyAsync(async () => await AttemptsLoggedAsync(factory, webhookId) >= attempts, "the attempt is recorded");
            attempts.Should().BeLessThan(8, "a day of failures disables the webhook after a handful of attempts");
        }

        receiver.Received.Select(r => r.Id).Distinct().Should().ContainSingle("every retry carries the same webhook-id");
        var admin = orgAdmin;
        var webhook = await (await admin.GetAsync($"/api/v1/webhooks/{webhookId}")).ReadJsonAsync();
        webhook["state"]!.GetValue<string>().Should().Be("DisabledFailing");
        webhook["failingSince"].Should().NotBeNull();
        await TestApi.EventuallyAsync(async () => (await (await admin.GetAsync("/api/v1/me/notifications")).ReadJsonAsync())["items"]!.AsArray()
            .Any(n => n!["kind"]!.GetValue<string>() == "WebhookDisabled" && n["link"]!.GetValue<string>() == $"/organization/webhooks/{webhookId}"), "the org admin is notified");
        await TestApi.EventuallyAsync(() => Task.FromResult(factory.Emails.Sent.Any(m => m.To == adminEmail && m.Body.Contains(receiver.Url, StringComparison.Ordinal))), "and mailed");

        // Disabled: nothing more is tried, whatever the time.
        var before = receiver.Received.Count;
        clock.Advance(TimeSpan.FromHours(9));
        await Task.Delay(1000);
        receiver.Received.Count.Should().Be(before);

        receiver.Answer = _ => (202, TimeSpan.Zero);
        (await admin.PostAsync($"/api/v1/webhooks/{webhookId}/enable", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        // Four failures in a row opened the endpoint's circuit: the delivery waits out its (half-second) break, uncounted.
        await TestApi.EventuallyAsync(async () =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return (await admin.DeliveriesAsync(webhookId)).Single()!["state"]!.GetValue<string>() == "Succeeded";
        }, "what waited went out once enabled", 30_000);
        var enabled = await (await admin.GetAsync($"/api/v1/webhooks/{webhookId}")).ReadJsonAsync();
        enabled["state"]!.GetValue<string>().Should().Be("Enabled");
        enabled["failingSince"].Should().BeNull("a success clears it");

        // A month later the hourly purge has emptied the log of what succeeded.
        clock.Advance(TimeSpan.FromDays(31));
        await TestApi.EventuallyAsync(async () => (await admin.DeliveriesAsync(webhookId)).Count == 0, "succeeded deliveries leave the log after the retention", 30_000);
    }

    private static async Task<bool> DisabledAsync(SpocApiFactory factory, Guid webhookId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>().Endpoints.AnyAsync(e => e.Id == webhookId && e.DisabledAt != null);
    }

    private static async Task<int> AttemptsLoggedAsync(SpocApiFactory factory, Guid webhookId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        return await db.Attempts.CountAsync(a => db.Deliveries.Any(d => d.Id == a.DeliveryId && d.EndpointId == webhookId));
    }
}
