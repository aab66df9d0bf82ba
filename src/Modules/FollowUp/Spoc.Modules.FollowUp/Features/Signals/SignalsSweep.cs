using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Scheduling;

namespace Spoc.Modules.FollowUp.Features.Signals;

/// <summary>The sweep's settings (section <c>FollowUp</c>).</summary>
internal sealed class FollowUpOptions
{
    /// <summary>How often the time-dependent signals are refreshed: a deadline passing shows at most this late.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(15);

    public bool SweepEnabled { get; set; } = true;

    /// <summary>A cohort ended longer ago than this is no longer swept (its learners' levels stay as they were).</summary>
    public static readonly TimeSpan AfterEnd = TimeSpan.FromDays(14);
}

/// <summary>
/// What time alone changes (docs/adr/0033): an activity falls due, a deadline passes, days go by without activity or
/// contact. At start-up and then every <see cref="FollowUpOptions.SweepInterval"/> of the injected clock, each cohort with
/// current learners (not ended more than 14 days ago) is refreshed from the owners' answers — schedule standing, missed
/// work, attendance — and from the follow-up actions staff marked done, re-evaluated, saved in one commit, and the levels
/// that changed are pushed. A constant number of statements per cohort, whatever its size. One instance sweeps per
/// interval (ADR 0051); idempotent all the same: two sweeps at once would write the same figures.
/// </summary>
internal sealed class SignalsSweep(
    IServiceScopeFactory scopes, IOptions<FollowUpOptions> options, LeaseHolder holder, IOptions<SchedulingOptions> scheduling, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<SignalsSweep> logger)
    : ScheduledJob<FollowUpDbContext>(scopes, holder, scheduling, clock, lifetime, logger)
{
    protected override string Job => "FollowUp.SignalsSweep";

    protected override TimeSpan Period => options.Value.SweepInterval;

    protected override bool Enabled => options.Value.SweepEnabled;

    protected override Task RunAsync(CancellationToken ct) => SweepOnceAsync(ct);

    /// <summary>One sweep of every cohort to follow, each in its own scope and commit. Returns how many learners changed level.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        List<Guid> cohorts;
        await using (var scope = Scopes.CreateAsyncScope())
        {
            cohorts = await scope.ServiceProvider.GetRequiredService<FollowUpDbContext>().Signals.AsNoTracking()
                .Where(s => s.Active).Select(s => s.CohortId).Distinct().ToListAsync(ct);
        }

        var changed = 0;
        foreach (var cohortId in cohorts)
        {
            await using var scope = Scopes.CreateAsyncScope();
            changed += await SweepCohortAsync(scope.ServiceProvider, cohortId, ct);
        }

        return changed;
    }

    private async Task<int> SweepCohortAsync(IServiceProvider services, Guid cohortId, CancellationToken ct)
    {
        var db = services.GetRequiredService<FollowUpDbContext>();
        var sender = services.GetRequiredService<ISender>();
        var now = Clock.GetUtcNow();
        var cohort = await sender.Send(new GetCohortCertificationFacts(cohortId), ct);
        if (cohort is null || cohort.EndsOn.ToDateTime(TimeOnly.MinValue) < (now - FollowUpOptions.AfterEnd).UtcDateTime)
        {
            return 0;
        }

        var rows = await db.Signals.Where(s => s.CohortId == cohortId && s.Active).ToListAsync(ct);
        var standings = (await sender.Send(new GetScheduleStandings(cohortId), ct)).ToDictionary(s => s.LearnerId);
        var missed = (await sender.Send(new GetMissedWork(cohortId), ct)).ToDictionary(m => m.LearnerId, m => m.Missed);
        var attendance = (await sender.Send(new GetAttendanceRates(cohortId), ct)).ToDictionary(a => a.UserId);
        var contacts = await db.Actions.AsNoTracking()
            .Where(a => a.CohortId == cohortId && a.Status == FollowUpActionStatus.Done)
            .GroupBy(a => a.LearnerId).Select(g => new { LearnerId = g.Key, At = g.Max(a => a.DoneAt) })
            .ToDictionaryAsync(c => c.LearnerId, c => c.At, ct);
        var rules = await db.RulesOfAsync(cohortId, ct);
        var changed = new List<LearnerSignals>();
        foreach (var s in rows)
        {
            if (standings.TryGetValue(s.LearnerId, out var standing))
            {
                (s.ActivitiesDone, s.ActivitiesExpected, s.ActivitiesTotal) = (standing.Done, standing.DueByNow, standing.Total);
            }

            s.MissedDeadlines = missed.GetValueOrDefault(s.LearnerId);
            var present = attendance.GetValueOrDefault(s.LearnerId);
            (s.Absences, s.AttendanceRate) = (present?.Absent ?? 0, present?.Rate);
            if (contacts.GetValueOrDefault(s.LearnerId) is { } contact && (s.LastContactAt is null || contact > s.LastContactAt))
            {
                s.LastContactAt = contact;
            }

            if (SignalsEvaluation.Reevaluate(s, rules, now))
            {
                changed.Add(s);
            }
        }

        await db.SaveChangesAsync(ct);
        if (changed.Count > 0)
        {
            await sender.PushLevelsChangedAsync(cohortId, changed.Select(s => s.MentorId), null, ct);
        }

        return changed.Count;
    }
}
