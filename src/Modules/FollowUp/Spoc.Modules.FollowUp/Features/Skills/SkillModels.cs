using Spoc.Modules.FollowUp.Domain;

namespace Spoc.Modules.FollowUp.Features.Skills;

/// <summary>Where a learner stands on a competency: acquired (mastery reached the threshold once), in progress (some evidence or activity), not started.</summary>
public enum SkillStatus
{
    NotStarted,
    InProgress,
    Acquired,
}

/// <summary>A learner on one competency.</summary>
/// <param name="Mastery">Latest mastery in percent from released grades on criteria tied to it; null before any.</param>
/// <param name="ActivitiesDone">Activities working on it that the learner completed.</param>
/// <param name="ActivitiesTotal">The course's activities working on it.</param>
/// <param name="AcquiredAt">When the work that first brought the mastery to the cohort's threshold was handed in; kept thereafter.</param>
public sealed record SkillCell(string Code, decimal? Mastery, int ActivitiesDone, int ActivitiesTotal, DateTimeOffset? AcquiredAt, SkillStatus Status)
{
    internal static SkillCell Of(string code, SkillAcquisition? row) => row is null
        ? new(code, null, 0, 0, null, SkillStatus.NotStarted)
        : new(code, row.Mastery, row.ActivitiesDone, row.ActivitiesTotal, row.AcquiredAt,
            row.AcquiredAt is not null ? SkillStatus.Acquired : row.Mastery is not null || row.ActivitiesDone > 0 ? SkillStatus.InProgress : SkillStatus.NotStarted);
}
