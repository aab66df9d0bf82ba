namespace Spoc.Modules.FollowUp.Contracts;

/// <summary>Where a learner stands in their follow-up, from the cohort's risk rules: each level above on track comes with its reasons.</summary>
public enum RiskLevel
{
    OnTrack,
    Watch,
    AtRisk,
}
