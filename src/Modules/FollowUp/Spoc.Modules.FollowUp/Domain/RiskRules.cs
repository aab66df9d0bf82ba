using Spoc.Modules.FollowUp.Contracts;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.FollowUp.Domain;

/// <summary>What a risk rule measures; each reads one figure of <see cref="LearnerSignals"/>.</summary>
internal enum RiskRuleKind
{
    /// <summary>Activities behind their own schedule.</summary>
    BehindSchedule,

    /// <summary>Assignments past due with nothing handed in.</summary>
    MissedDeadlines,
    LateSubmissions,

    /// <summary>Sessions recorded absent.</summary>
    Absences,

    /// <summary>Days since their last own action in the cohort.</summary>
    DaysInactive,

    /// <summary>Days since their last exchange with their follow-up staff.</summary>
    DaysWithoutContact,

    /// <summary>Their mean released grade is below the threshold (percent): the one rule that fires below, not from.</summary>
    GradeBelow,
}

/// <summary>One rule as staff tune it: off, or the figure from which a learner is to watch, and the one from which they are at risk.</summary>
internal sealed record RiskRule
{
    public RiskRuleKind Kind { get; init; }
    public bool Enabled { get; init; } = true;
    public decimal? WatchFrom { get; init; }
    public decimal? AtRiskFrom { get; init; }
}

/// <summary>
/// A cohort's risk rules, readable and tunable by its staff ("behind by 3+ activities", "2 missed deadlines", "absent twice").
/// A cohort that never set them uses the defaults; a change re-evaluates every learner of the cohort.
/// </summary>
internal sealed class RiskRules : IVersioned
{
    public Guid CohortId { get; init; }
    public List<RiskRule> Rules { get; set; } = [];
    public Guid UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The rules' ETag: edits are conditional on it (If-Match).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>What a cohort starts with (docs/adr/0033): every rule on, thresholds a trainer would pick for a cohort of a few weeks.</summary>
    public static List<RiskRule> Defaults() =>
    [
        new() { Kind = RiskRuleKind.BehindSchedule, WatchFrom = 2, AtRiskFrom = 3 },
        new() { Kind = RiskRuleKind.MissedDeadlines, WatchFrom = 1, AtRiskFrom = 2 },
        new() { Kind = RiskRuleKind.LateSubmissions, WatchFrom = 2, AtRiskFrom = 4 },
        new() { Kind = RiskRuleKind.Absences, WatchFrom = 1, AtRiskFrom = 2 },
        new() { Kind = RiskRuleKind.DaysInactive, WatchFrom = 7, AtRiskFrom = 14 },
        new() { Kind = RiskRuleKind.DaysWithoutContact, WatchFrom = 21, AtRiskFrom = null },
        new() { Kind = RiskRuleKind.GradeBelow, WatchFrom = 60, AtRiskFrom = 50 },
    ];

    /// <summary>
    /// The learner's level and why, at <paramref name="now"/>: each enabled rule whose figure reaches a threshold gives a
    /// reason (at risk before watch), and the level is the highest of them. A rule without a figure yet (no grade, no
    /// recorded session) stays silent.
    /// </summary>
    public static (RiskLevel Level, List<RiskReason> Reasons) Evaluate(IEnumerable<RiskRule> rules, LearnerSignals signals, DateTimeOffset now)
    {
        var reasons = new List<RiskReason>();
        foreach (var rule in rules.Where(r => r.Enabled))
        {
            if (Figure(rule.Kind, signals, now) is not { } value)
            {
                continue;
            }

            var below = rule.Kind == RiskRuleKind.GradeBelow;
            bool Reached(decimal? threshold) => threshold is { } t && (below ? value < t : value >= t);
            var (level, threshold) = Reached(rule.AtRiskFrom) ? (RiskLevel.AtRisk, rule.AtRiskFrom!.Value)
                : Reached(rule.WatchFrom) ? (RiskLevel.Watch, rule.WatchFrom!.Value)
                : (RiskLevel.OnTrack, 0m);
            if (level != RiskLevel.OnTrack)
            {
                reasons.Add(new RiskReason { Rule = rule.Kind, Level = level, Value = value, Threshold = threshold });
            }
        }

        reasons = [.. reasons.OrderByDescending(r => r.Level).ThenBy(r => r.Rule)];
        return (reasons.Count == 0 ? RiskLevel.OnTrack : reasons[0].Level, reasons);
    }

    /// <summary>The learner's figure a rule reads; null when there is none yet.</summary>
    public static decimal? Figure(RiskRuleKind kind, LearnerSignals s, DateTimeOffset now) => kind switch
    {
        RiskRuleKind.BehindSchedule => Math.Max(0, s.ActivitiesExpected - s.ActivitiesDone),
        RiskRuleKind.MissedDeadlines => s.MissedDeadlines,
        RiskRuleKind.LateSubmissions => s.LateSubmissions,
        RiskRuleKind.Absences => s.Absences,
        RiskRuleKind.DaysInactive => DaysSince(s.LastActivityAt, s.FollowedFrom, now),
        RiskRuleKind.DaysWithoutContact => DaysSince(s.LastContactAt, s.FollowedFrom, now),
        RiskRuleKind.GradeBelow => s.AverageGrade,
        _ => null,
    };

    /// <summary>Whole days since the later of the last time and the start of the follow-up; 0 before it starts.</summary>
    private static int DaysSince(DateTimeOffset? last, DateTimeOffset from, DateTimeOffset now)
    {
        var since = last is { } l && l > from ? l : from;
        return now <= since ? 0 : (int)(now - since).TotalDays;
    }
}
