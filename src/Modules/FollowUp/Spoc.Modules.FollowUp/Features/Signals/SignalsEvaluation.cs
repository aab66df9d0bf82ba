using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.FollowUp.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;

namespace Spoc.Modules.FollowUp.Features.Signals;

/// <summary>
/// The one place a learner's level is set (an event, the sweep, a change of rules) and the one place the change is told:
/// after the commit, their mentor and the cohort's trainers get <c>followUpChanged</c> on the hub (ADR 0026).
/// </summary>
internal static class SignalsEvaluation
{
    /// <summary>The cohort's rules, or the defaults while staff saved none.</summary>
    public static async Task<List<RiskRule>> RulesOfAsync(this FollowUpDbContext db, Guid cohortId, CancellationToken ct) =>
        (await db.RiskRules.AsNoTracking().FirstOrDefaultAsync(r => r.CohortId == cohortId, ct))?.Rules ?? RiskRules.Defaults();

    /// <summary>Sets the level and its reasons at <paramref name="now"/>; true when the level changed (it is then dated).</summary>
    public static bool Reevaluate(LearnerSignals signals, IEnumerable<RiskRule> rules, DateTimeOffset now)
    {
        var (level, reasons) = RiskRules.Evaluate(rules, signals, now);
        var changed = level != signals.Level;
        if (changed)
        {
            signals.LevelChangedAt = now;
        }

        // Rewriting unchanged reasons would UPDATE every learner's row at every sweep.
        static (RiskRuleKind, RiskLevel, decimal, decimal) Key(RiskReason r) => (r.Rule, r.Level, r.Value, r.Threshold);
        if (changed || !signals.Reasons.Select(Key).SequenceEqual(reasons.Select(Key)))
        {
            (signals.Level, signals.Reasons, signals.UpdatedAt) = (level, reasons, now);
        }

        return changed;
    }

    /// <summary>
    /// After a commit that changed levels in a cohort: its trainers and the mentors of the learners concerned are told.
    /// The trainers are asked here (two statements) unless the caller already knows them.
    /// </summary>
    public static async Task PushLevelsChangedAsync(
        this ISender sender, Guid cohortId, IEnumerable<Guid?> mentorIds, IReadOnlyCollection<Guid>? trainerIds, CancellationToken ct)
    {
        var mentors = mentorIds.OfType<Guid>().ToList();
        trainerIds ??= [.. (await sender.Send(new GetCohortPeople(cohortId), ct)).Members.Where(m => m.Role == CohortRole.Trainer).Select(m => m.UserId)];
        await sender.Send(new PushFollowUpChanged(cohortId, [.. mentors.Concat(trainerIds).Distinct()]), ct);
    }
}
