namespace Spoc.Modules.FollowUp.Domain;

/// <summary>
/// Where a learner stands on one course competency in a cohort, kept up to date from Assessment's mastery (released grades
/// on criteria tied to it) and Courses' completed activities tied to it. <see cref="AcquiredAt"/> is set the first time
/// the mastery reaches the cohort's threshold and kept thereafter: the history "acquired over time" reads it.
/// One row per (cohort, learner, competency code).
/// </summary>
internal sealed class SkillAcquisition
{
    public Guid CohortId { get; init; }
    public Guid LearnerId { get; init; }

    /// <summary>The course's code for it (compared case-insensitively, stored as the course writes it).</summary>
    public string CompetencyCode { get; init; } = "";

    /// <summary>The latest mastery in percent from assessed work; null before any evidence.</summary>
    public decimal? Mastery { get; set; }
    public int ActivitiesDone { get; set; }
    public int ActivitiesTotal { get; set; }
    public DateTimeOffset? AcquiredAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
