using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Assessment.Domain;

/// <summary>Where a grade stands for its learner.</summary>
internal enum GradeStatus
{
    /// <summary>Being written: staff only.</summary>
    Draft,

    /// <summary>Final: its author sees the score and the feedback.</summary>
    Released,

    /// <summary>Sent back: its author sees the feedback and may hand in a new attempt even when the assignment takes one.</summary>
    ReturnedForRevision,
}

/// <summary>What a grade says at one moment: the before and after of each change in its history.</summary>
/// <param name="RubricScores">The level chosen per criterion, with the grader's comment (empty without a rubric).</param>
/// <param name="Adjustment">A group project: the points this learner's score differs from the group's.</param>
internal sealed record GradeSnapshot(
    decimal Score, GradeStatus Status, string Feedback, string? OverrideReason, List<RubricScore> RubricScores, decimal Adjustment = 0, string? AdjustmentReason = null)
{
    /// <summary>The level chosen per criterion, with the grader's comment (empty without a rubric).</summary>
    public List<RubricScore> RubricScores { get; init; } = RubricScores ?? []; // a change written before rubrics existed has none (null)

    // A record compares lists by reference: two snapshots saying the same are equal, so an unchanged save writes no history.
    public bool Equals(GradeSnapshot? other) =>
        other is not null && (Score, Status, Feedback, OverrideReason, Adjustment, AdjustmentReason) == (other.Score, other.Status, other.Feedback, other.OverrideReason, other.Adjustment, other.AdjustmentReason)
        && RubricScores.SequenceEqual(other.RubricScores);

    public override int GetHashCode() => HashCode.Combine(Score, Status, Feedback, OverrideReason, RubricScores.Count, Adjustment, AdjustmentReason);
}

/// <summary>The staff's grade of one submission (one per submission); every change is also written to <see cref="GradeChange"/>.</summary>
internal sealed class Grade : IVersioned, IChangeStamped
{
    public Guid SubmissionId { get; init; }
    public Guid AssignmentId { get; init; }
    public Guid CohortId { get; init; }
    public Guid AuthorId { get; init; }
    public decimal Score { get; set; }

    /// <summary>What the grader wrote; <see cref="FeedbackHtml"/> is its sanitized rendering, the only form served as HTML.</summary>
    public string FeedbackMarkdown { get; set; } = "";
    public string FeedbackHtml { get; set; } = "";
    public GradeStatus Status { get; set; }

    /// <summary>Why a computed score (a quiz's, or a rubric's) was changed.</summary>
    public string? OverrideReason { get; set; }

    /// <summary>With a rubric: the level chosen per criterion, copied from the rubric when graded.</summary>
    public List<RubricScore> RubricScores { get; set; } = [];

    /// <summary>A group project: points added to (or taken from) the group's score for this learner; <see cref="Score"/> includes them.</summary>
    public decimal Adjustment { get; set; }

    public string? AdjustmentReason { get; set; }

    public Guid GradedBy { get; set; }
    public DateTimeOffset GradedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>When the grade last changed: with its submission's <see cref="Submission.SubmittedAt"/>, what <c>updatedSince</c> reads (ADR 0046).</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Its author sees it once it is no longer a draft.</summary>
    public bool IsVisibleToAuthor => Status != GradeStatus.Draft;

    public GradeSnapshot Snapshot() => new(Score, Status, FeedbackMarkdown, OverrideReason, [.. RubricScores], Adjustment, AdjustmentReason);
}

/// <summary>One change of a grade, kept for good: who, when, what it said before (null: its first version) and after.</summary>
internal sealed class GradeChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SubmissionId { get; init; }
    public Guid ChangedBy { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
    public GradeSnapshot? Before { get; init; }
    public required GradeSnapshot After { get; init; }
}
