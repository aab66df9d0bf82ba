using System.Net.Http.Json;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Community.Features.Sessions;

namespace Spoc.Api.Tests.Community.Sessions;

/// <summary>"Prepare for your session": to the learners not ready, 24 hours before, once, whatever the checks, instances and restarts.</summary>
public sealed class ReminderTests
{
    private static async Task<List<Guid>> RemindedAsync(SpocApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommunityDbContext>().Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKind.SessionReminder).Select(n => n.UserId).ToListAsync();
    }

    [Test]
    public async Task Learners_not_ready_are_reminded_once_at_the_lead_time_even_with_two_instances_and_after_a_restart()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "spoc-tests", Guid.NewGuid().ToString("N"));
        List<Guid> expected;
        using (var factory = new SpocApiFactory(dataDirectory: dataDirectory) { Clock = clock })
        {
            var w = await SessionWorld.CreateAsync(factory);
            await w.ScheduleAsync(SessionWorld.VirtualClass(TimeSpan.FromHours(26), w.PreparationIds, clock.GetUtcNow()));
            await w.CompleteAsync(0, w.PreparationIds[0]);
            await w.CompleteAsync(0, w.PreparationIds[1]);
            await w.CompleteAsync(1, w.PreparationIds[0]);
            expected = [w.LearnerId(1), w.LearnerId(2), w.LearnerId(3)];

            clock.Advance(TimeSpan.FromMinutes(30)); // 25 h 30 before: not yet
            var reminders = factory.Services.GetRequiredService<SessionReminders>();
            (await reminders.SendDueAsync(CancellationToken.None)).Should().Be(0);

            clock.Advance(TimeSpan.FromHours(2)); // 23 h 30 before: the job's next check sends them
            await TestApi.EventuallyAsync(async () =>
            {
                clock.Advance(TimeSpan.FromMinutes(1)); // whenever the job armed its next check, it comes
                return (await RemindedAsync(factory)).Count == 3;
            }, "the background check reminded the three learners not ready");
            (await RemindedAsync(factory)).Should().BeEquivalentTo(expected);

            // Two instances checking at once, then more checks: nobody gets a second one.
            var sent = await Task.WhenAll(reminders.SendDueAsync(CancellationToken.None), reminders.SendDueAsync(CancellationToken.None));
            sent.Sum().Should().Be(0);
            clock.Advance(TimeSpan.FromMinutes(10));
            (await reminders.SendDueAsync(CancellationToken.None)).Should().Be(0);
        }

        using var restarted = new SpocApiFactory(dataDirectory: dataDirectory) { Clock = clock };
        (await restarted.Services.GetRequiredService<SessionReminders>().SendDueAsync(CancellationToken.None)).Should().Be(0);
        (await RemindedAsync(restarted)).Should().BeEquivalentTo(expected, "a restart sends nothing again");
    }

    [Test]
    public async Task Two_instances_racing_on_the_same_due_reminders_send_each_exactly_once_as_each_learner_chose()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new SpocApiFactory { Clock = clock };
        var w = await SessionWorld.CreateAsync(factory);
        var optOut = await w.Learner(3).PutAsJsonAsync("/api/v1/me/notification-preferences", new { dailyDigest = false, channels = new[] { new { kind = "SessionReminder", channel = "None" } } });
        optOut.IsSuccessStatusCode.Should().BeTrue(await optOut.Content.ReadAsStringAsync());
        await w.ScheduleAsync(SessionWorld.VirtualClass(TimeSpan.FromHours(3), w.PreparationIds, clock.GetUtcNow()));
        var reminders = factory.Services.GetRequiredService<SessionReminders>();
        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => reminders.SendDueAsync(CancellationToken.None)));
        sent.Sum().Should().Be(4, "one check's commit won, the others found the claims taken");
        (await RemindedAsync(factory)).Should().BeEquivalentTo(Enumerable.Range(0, 3).Select(w.LearnerId), "learner 3 turned these reminders off");
    }
}
