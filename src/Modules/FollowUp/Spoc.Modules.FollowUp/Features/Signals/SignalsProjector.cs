using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;

namespace Spoc.Modules.FollowUp.Features.Signals;

/// <summary>Which of the owning modules' figures an event may have moved, so that only those are asked again.</summary>
[Flags]
internal enum OwnerFigures
{
    None = 0,

    /// <summary>Activities done and due by now on the learner's own schedule (Courses).</summary>
    Schedule = 1,

    /// <summary>Work past the learner's own due date with nothing handed in (Assessment).</summary>
    MissedWork = 2,
}

/// <summary>
/// The event side of the projection (docs/adr/0033): an event's facts are upserted on their unique key (a replay finds its
/// row, an older fact never overwrites a newer one about the same subject), then each learner concerned is recomputed from
/// all their facts and from the owners' current answers (their mentor, whether they are still a learner, and the figures
/// the event may have moved), never from the order events came in. Facts about someone who is not, and never was, a
/// learner of the cohort (a trainer's forum post) are dropped. Levels that changed are pushed after the commit.
/// </summary>
internal sealed class SignalsProjector(FollowUpDbContext db, ISender sender, TimeProvider clock)
{
    private readonly List<(Guid CohortId, Guid? MentorId, IReadOnlyList<Guid>? TrainerIds)> _changed = [];

    public async Task ProjectAsync(IReadOnlyList<LearnerEvent> facts, OwnerFigures figures, CancellationToken ct)
    {
        foreach (var learner in facts.GroupBy(f => (f.CohortId, f.LearnerId)))
        {
            var (cohortId, learnerId) = learner.Key;
            var staff = await sender.Send(new GetFollowUpStaff(cohortId, learnerId), ct);
            var signals = await db.Signals.FirstOrDefaultAsync(s => s.CohortId == cohortId && s.LearnerId == learnerId, ct);
            if (signals is null && staff is null)
            {
                continue;
            }

            foreach (var fact in learner)
            {
                await UpsertAsync(fact, ct);
            }

            var now = clock.GetUtcNow();
            var wasActive = signals?.Active;
            if (signals is null)
            {
                signals = new LearnerSignals { CohortId = cohortId, LearnerId = learnerId };
                db.Signals.Add(signals);
                figures = OwnerFigures.Schedule | OwnerFigures.MissedWork; // a new row starts from the owners' whole answer
            }

            if (wasActive is null || learner.Any(f => f.Kind == LearnerEventKind.Enrolled))
            {
                signals.FollowedFrom = await FollowedFromAsync(cohortId, learnerId, ct);
            }

            // A withdrawn learner keeps their last mentor (their journal stays theirs); an unassigned one has none.
            (signals.Active, signals.MentorId) = (staff is not null, staff is null ? signals.MentorId : staff.MentorId);
            await RecomputeAsync(signals, figures, ct);
            if (SignalsEvaluation.Reevaluate(signals, await db.RulesOfAsync(cohortId, ct), now) || (wasActive is not null && wasActive != signals.Active))
            {
                _changed.Add((cohortId, signals.MentorId, staff?.TrainerIds));
            }
        }
    }

    /// <summary>After the commit: the follow-up staff of the learners whose level (or presence) changed are told.</summary>
    public async Task PushAsync(CancellationToken ct)
    {
        foreach (var cohort in _changed.GroupBy(c => c.CohortId))
        {
            await sender.PushLevelsChangedAsync(cohort.Key, cohort.Select(c => c.MentorId), cohort.Select(c => c.TrainerIds).FirstOrDefault(t => t is not null), ct);
        }

        _changed.Clear();
    }

    /// <summary>Inserts the fact, or replaces the stored one about the same subject when this one is newer; a replay changes nothing.</summary>
    private async Task UpsertAsync(LearnerEvent fact, CancellationToken ct)
    {
        var stored = await db.LearnerEvents.FirstOrDefaultAsync(
            e => e.CohortId == fact.CohortId && e.LearnerId == fact.LearnerId && e.Kind == fact.Kind && e.SubjectId == fact.SubjectId, ct);
        if (stored is null)
        {
            db.LearnerEvents.Add(fact);
        }
        else if (fact.At > stored.At)
        {
            (stored.At, stored.ActorId, stored.Value, stored.Detail) = (fact.At, fact.ActorId, fact.Value, fact.Detail);
        }
    }

    /// <summary>The later of their (latest) enrolment and the start of the cohort's first day in its time zone.</summary>
    private async Task<DateTimeOffset> FollowedFromAsync(Guid cohortId, Guid learnerId, CancellationToken ct)
    {
        var cohort = await sender.Send(new GetCohortCertificationFacts(cohortId), ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById((await sender.Send(new GetCohortLearners(cohortId, learnerId), ct))?.TimeZone ?? "UTC");
        var startDay = (cohort?.StartsOn ?? DateOnly.MinValue).ToDateTime(TimeOnly.MinValue);
        var start = new DateTimeOffset(startDay, zone.GetUtcOffset(startDay)).ToUniversalTime();
        var enrolled = await Facts(cohortId, learnerId).Where(e => e.Kind == LearnerEventKind.Enrolled).Select(e => (DateTimeOffset?)e.At).ToListAsync(ct);
        return enrolled.Concat(Added(cohortId, learnerId).Where(e => e.Kind == LearnerEventKind.Enrolled).Select(e => (DateTimeOffset?)e.At)).Max() is { } at && at > start ? at : start;
    }

    /// <summary>Everything that follows from the learner's facts, and the owners' figures this event may have moved.</summary>
    private async Task RecomputeAsync(LearnerSignals signals, OwnerFigures figures, CancellationToken ct)
    {
        var (cohortId, learnerId) = (signals.CohortId, signals.LearnerId);
        var facts = (await Facts(cohortId, learnerId).ToListAsync(ct)).Concat(Added(cohortId, learnerId)).Distinct().ToList();
        var lastDoneAction = await db.Actions.AsNoTracking()
            .Where(a => a.CohortId == cohortId && a.LearnerId == learnerId && a.Status == FollowUpActionStatus.Done)
            .MaxAsync(a => a.DoneAt, ct);
        LearnerFacts.Apply(signals, facts, lastDoneAction);
        if (figures.HasFlag(OwnerFigures.Schedule) && (await sender.Send(new GetScheduleStandings(cohortId, learnerId), ct)).FirstOrDefault() is { } standing)
        {
            (signals.ActivitiesDone, signals.ActivitiesExpected, signals.ActivitiesTotal) = (standing.Done, standing.DueByNow, standing.Total);
        }

        if (figures.HasFlag(OwnerFigures.MissedWork) && (await sender.Send(new GetMissedWork(cohortId, learnerId), ct)).FirstOrDefault() is { } missed)
        {
            signals.MissedDeadlines = missed.Missed;
        }
    }

    private IQueryable<LearnerEvent> Facts(Guid cohortId, Guid learnerId) =>
        db.LearnerEvents.Where(e => e.CohortId == cohortId && e.LearnerId == learnerId);

    /// <summary>The facts this event adds, not in the database until the commit.</summary>
    private IEnumerable<LearnerEvent> Added(Guid cohortId, Guid learnerId) =>
        db.ChangeTracker.Entries<LearnerEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .Where(e => e.CohortId == cohortId && e.LearnerId == learnerId);
}
