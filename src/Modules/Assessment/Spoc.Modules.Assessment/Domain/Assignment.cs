using Spoc.Modules.Assessment.Contracts;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Assessment.Domain;

/// <summary>What happens to work handed in after the learner's own due date.</summary>
internal enum LatePolicy
{
    /// <summary>Accepted, marked late.</summary>
    AcceptAndFlag,

    /// <summary>Accepted, marked late, its score reduced by <c>latePenaltyPercentPerDay</c> per started day of delay.</summary>
    PenaltyPerDay,

    /// <summary>Refused (409 <c>submission-too-late</c>).</summary>
    Refuse,
}

/// <summary>A piece of graded work in a cohort: a quiz, a text, a file, or a group project.</summary>
internal sealed class Assignment : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CohortId { get; init; }
    public AssignmentKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>What the author wrote; <see cref="InstructionsHtml"/> is its sanitized rendering, the only form served as HTML.</summary>
    public string InstructionsMarkdown { get; set; } = "";
    public string InstructionsHtml { get; set; } = "";

    public decimal MaxPoints { get; set; }
    public required string Category { get; set; }

    /// <summary>Drafts are seen by staff only, whatever <see cref="ReleaseAt"/> says.</summary>
    public bool IsPublished { get; set; }

    public DateTimeOffset ReleaseAt { get; set; }

    /// <summary>The cohort's due date; each learner's own is this plus their pacing shift (Courses).</summary>
    public DateTimeOffset DueAt { get; set; }

    public bool AllowResubmission { get; set; }
    public LatePolicy LatePolicy { get; set; }
    public int? LatePenaltyPercentPerDay { get; set; }

    /// <summary>Quizzes only: how many attempts a learner has (null: as many as the resubmission rule allows).</summary>
    public int? MaxAttempts { get; set; }

    public List<QuizQuestion> Questions { get; set; } = [];

    /// <summary>The rubric staff grade it with (empty: none). Frozen once a grade exists: scores and mastery refer to its ids.</summary>
    public List<RubricCriterion> Rubric { get; set; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Learners see it once published and released; staff always.</summary>
    public bool IsOpenAt(DateTimeOffset now) => IsPublished && ReleaseAt <= now;
}
