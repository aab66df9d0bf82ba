using Spoc.Modules.FollowUp.Contracts;

namespace Spoc.Modules.FollowUp.Domain;

/// <summary>
/// A learner's follow-up signals in one cohort, kept up to date as events arrive and as time passes (deadlines, schedule),
/// so that the dashboard reads one row per learner and computes nothing. One row per (cohort, learner).
/// </summary>
internal sealed class LearnerSignals
{
    public Guid CohortId { get; init; }
    public Guid LearnerId { get; init; }

    /// <summary>Their mentor in the cohort (a mentor's dashboard keeps only their own learners); null when none.</summary>
    public Guid? MentorId { get; set; }

    /// <summary>False once they withdrew: they leave the dashboard, their journal stays.</summary>
    public bool Active { get; set; } = true;

    /// <summary>When their follow-up began: the later of their enrolment and the cohort's start (inactivity and contact count from it).</summary>
    public DateTimeOffset FollowedFrom { get; set; }

    /// <summary>Their latest own action in the cohort: an activity done, work handed in, a post, a message, a check-in.</summary>
    public DateTimeOffset? LastActivityAt { get; set; }
    public int ActivitiesDone { get; set; }

    /// <summary>The activities due by now on their own schedule (their pacing applied): <c>Expected - Done</c> is how far behind they are.</summary>
    public int ActivitiesExpected { get; set; }
    public int ActivitiesTotal { get; set; }

    /// <summary>Assignments past their own due date with nothing handed in.</summary>
    public int MissedDeadlines { get; set; }
    public int LateSubmissions { get; set; }

    /// <summary>The mean of their released grades, in percent; null before the first.</summary>
    public decimal? AverageGrade { get; set; }

    /// <summary>The mean of their last three released grades minus the mean of the three before, in percentage points; null with fewer than four.</summary>
    public decimal? GradeTrend { get; set; }

    /// <summary>Present or late over recorded sessions, in percent (docs/adr/0028); null before the first recorded session.</summary>
    public decimal? AttendanceRate { get; set; }
    public int Absences { get; set; }
    public int ForumPosts { get; set; }

    /// <summary>The latest exchange with their follow-up staff: a message either way, or an action staff marked done with them.</summary>
    public DateTimeOffset? LastContactAt { get; set; }

    public RiskLevel Level { get; set; }

    /// <summary>Why the level is what it is: each rule that fired, with the learner's figure and the threshold it reached.</summary>
    public List<RiskReason> Reasons { get; set; } = [];
    public DateTimeOffset? LevelChangedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One rule that fired for a learner: its kind, the level it gives, the learner's figure and the threshold reached.</summary>
internal sealed record RiskReason
{
    public RiskRuleKind Rule { get; init; }
    public RiskLevel Level { get; init; }
    public decimal Value { get; init; }
    public decimal Threshold { get; init; }
}
