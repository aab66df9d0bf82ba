using Spoc.Modules.Assessment.Contracts;

namespace Spoc.Modules.Assessment.Domain;

/// <summary>One attempt of a learner at an assignment, numbered from 1; never changed once handed in.</summary>
internal sealed class Submission
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AssignmentId { get; init; }
    public Guid CohortId { get; init; }
    public Guid AuthorId { get; init; }

    /// <summary>
    /// A group project's group: its hand-in is one row per learner of the group (docs/adr/0022), all with the same group,
    /// attempt, content and grade (each with its own adjustment), so every learner's record stays their own.
    /// </summary>
    public Guid? GroupId { get; init; }

    /// <summary>The group member who handed it in, when not <see cref="AuthorId"/> themself.</summary>
    public Guid? HandedInBy { get; init; }
    public int Attempt { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The author's own due date when they handed it in (the cohort's, moved by their pacing shift).</summary>
    public DateTimeOffset DueAt { get; init; }

    /// <summary>Started days after <see cref="DueAt"/> (0: on time).</summary>
    public int DaysLate { get; init; }

    public bool IsLate => DaysLate > 0;

    /// <summary>Score lost to a <see cref="LatePolicy.PenaltyPerDay"/> policy, in percent (0 to 100).</summary>
    public int PenaltyPercent { get; init; }

    public string? TextMarkdown { get; init; }
    public string? TextHtml { get; init; }
    public List<Guid> FileIds { get; init; } = [];
    public List<QuizAnswer> Answers { get; init; } = [];

    /// <summary>A quiz's score, computed at submission (after any late penalty); null for work graded by staff.</summary>
    public decimal? Score { get; init; }

    /// <summary>Handed in after its due date: how many started days late.</summary>
    public static int DaysLateAt(DateTimeOffset submittedAt, DateTimeOffset dueAt) =>
        submittedAt <= dueAt ? 0 : (int)Math.Ceiling((submittedAt - dueAt).TotalDays);

    /// <summary>The kinds handed in by each learner; a group project is handed in once for its whole group.</summary>
    public static bool IsIndividual(AssignmentKind kind) => kind is not AssignmentKind.GroupProject;
}
