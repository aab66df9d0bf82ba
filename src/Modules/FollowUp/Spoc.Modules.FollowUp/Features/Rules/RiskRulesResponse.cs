using Spoc.Modules.FollowUp.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.FollowUp.Features.Rules;

/// <summary>One risk rule: off, or the figure from which a learner is to watch and the one from which they are at risk (null: that level is not given).</summary>
/// <param name="Kind">What it reads: activities behind schedule, missed deadlines, late submissions, absences, days inactive, days without contact, or a mean grade below (percent).</param>
internal sealed record RiskRuleItem(RiskRuleKind Kind, bool Enabled, decimal? WatchFrom, decimal? AtRiskFrom);

/// <summary>A cohort's risk rules, every kind listed once; the defaults until staff save their own.</summary>
/// <param name="UpdatedAt">When staff last saved them; null while the cohort uses the defaults.</param>
internal sealed record RiskRulesResponse(Guid CohortId, IReadOnlyList<RiskRuleItem> Rules, DateTimeOffset? UpdatedAt, Guid Version) : IVersioned
{
    public static RiskRulesResponse From(RiskRules rules, bool saved) => new(
        rules.CohortId, [.. rules.Rules.OrderBy(r => r.Kind).Select(r => new RiskRuleItem(r.Kind, r.Enabled, r.WatchFrom, r.AtRiskFrom))], saved ? rules.UpdatedAt : null, rules.Version);

    /// <summary>No rules saved: the defaults, with the empty version, which a first PUT's If-Match matches.</summary>
    public static RiskRules Defaults(Guid cohortId) => new() { CohortId = cohortId, Rules = RiskRules.Defaults(), Version = Guid.Empty };
}
