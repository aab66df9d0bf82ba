using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Spoc.Modules.FollowUp.Data;
using Spoc.SharedKernel.Http;

namespace Spoc.Api.Tests.Infrastructure;

/// <summary>Scheduled work runs once per period across instances (ADR 0051), whichever instance's clock ticks first.</summary>
// Slow: two hosts, and two hours of a shared fake clock walked a minute at a time.
[Category("Slow")]
public sealed class ScheduledJobTests
{
    [Test]
    public async Task Two_instances_run_each_scheduled_job_once_per_period()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var first = new SpocApiFactory { Clock = clock };
        using var second = new SpocApiFactory(dataDirectory: first.DataDirectory) { Clock = clock };
        _ = first.Services; // the first creates the database, then the second opens it
        _ = second.Services;

        // Two hours and ten minutes, a minute at a time: the janitor's first run a minute after start, then one an hour.
        // A loaded machine runs late against the fake clock (each run schedules its next wait when done): up to twenty
        // more minutes for the third run, never the hour a fourth would need.
        var minutes = 0;
        while (minutes < 130 || (minutes < 150 && Runs(first, second, "Kernel.IdempotencyJanitor") < 3))
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            minutes++;
            await Task.Delay(minutes < 130 ? 30 : 200);
        }

        await TestApi.EventuallyAsync(() => Task.FromResult(Runs(first, second, "Kernel.IdempotencyJanitor") >= 3), "the janitor's third run");
        await Task.Delay(500);
        Runs(first, second, "Kernel.IdempotencyJanitor").Should().Be(3, "one run per hour between the two instances, not one each");
        // The sweep runs ten seconds after start-up, then every 15 minutes: at most one per quarter hour (each instance alone would make as many).
        Runs(first, second, "FollowUp.SignalsSweep").Should().BeInRange(2, 1 + (minutes / 15));

        await using var scope = first.Services.CreateAsyncScope();
        var janitor = await scope.ServiceProvider.GetRequiredService<KernelDbContext>().ScheduledRuns.AsNoTracking().SingleAsync(r => r.Job == "Kernel.IdempotencyJanitor");
        janitor.RunningUntil.Should().BeNull("a finished run lets its job go");
        var sweep = await scope.ServiceProvider.GetRequiredService<FollowUpDbContext>().ScheduledRuns.AsNoTracking().SingleAsync(r => r.Job == "FollowUp.SignalsSweep");
        sweep.LastRunAt.Should().BeOnOrBefore(clock.GetUtcNow());
    }

    [Test]
    public async Task A_run_held_by_a_vanished_instance_is_taken_over_once_its_lease_lapses()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["Scheduling:LeaseDuration"] = "00:30:00" }) { Clock = clock };
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // As an instance killed a minute into its run leaves it: started long ago enough to be due, held for 29 more minutes.
            var kernel = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
            kernel.ScheduledRuns.Add(new Spoc.SharedKernel.Scheduling.ScheduledRun
            {
                Job = "Kernel.IdempotencyJanitor", HeldBy = "killed-instance", LastRunAt = clock.GetUtcNow().AddHours(-2), RunningUntil = clock.GetUtcNow().AddMinutes(29),
            });
            await kernel.SaveChangesAsync();
        }

        await Task.Delay(500); // the janitor waits for its first tick
        clock.Advance(TimeSpan.FromMinutes(1));
        await TestApi.EventuallyAsync(() => Task.FromResult(factory.Queries.Statements.Any(s => s.Sql.StartsWith("UPDATE", StringComparison.Ordinal) && s.Sql.Contains("KernelScheduledRuns", StringComparison.Ordinal))),
            "the janitor's first tick tried to take its run");
        await Task.Delay(300);
        Runs(factory, "Kernel.IdempotencyJanitor").Should().Be(0, "the vanished instance's lease still holds");

        // The janitor ticks hourly: its next tick, past the lapse, takes the job over.
        clock.Advance(TimeSpan.FromHours(1));
        await TestApi.EventuallyAsync(() => Task.FromResult(Runs(factory, "Kernel.IdempotencyJanitor") == 1), "the lapsed run is taken over");
    }

    [Test]
    public void The_shutdown_timeout_comes_from_configuration()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["Hosting:ShutdownTimeout"] = "00:00:07" });
        factory.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout.Should().Be(TimeSpan.FromSeconds(7));
    }

    private static int Runs(SpocApiFactory factory, string job) => factory.Logs.Count(l => l.Contains($"Scheduled job {job} ran on this instance", StringComparison.Ordinal));

    private static int Runs(SpocApiFactory first, SpocApiFactory second, string job) => Runs(first, job) + Runs(second, job);
}
