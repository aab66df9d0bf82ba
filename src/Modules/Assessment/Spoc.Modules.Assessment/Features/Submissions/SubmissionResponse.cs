using System.Text.Json.Serialization;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Assessment.Features.Grading;

namespace Spoc.Modules.Assessment.Features.Submissions;

/// <summary>One attempt at an assignment, as its author and the staff who may grade it see it.</summary>
/// <param name="GroupId">A group project: the project group that handed it in (each of its learners has this attempt as their own).</param>
/// <param name="HandedInBy">A group project: the member who handed it in, when not its author.</param>
/// <param name="Attempt">1 for the first attempt, then 2, 3...</param>
/// <param name="DueAt">The author's own due date when they handed it in (after their pacing shift).</param>
/// <param name="IsLate">Handed in after <c>dueAt</c>.</param>
/// <param name="DaysLate">Started days after <c>dueAt</c> (0: on time).</param>
/// <param name="PenaltyPercent">Score lost to the assignment's late penalty (0 to 100).</param>
/// <param name="Text">Text assignments: the Markdown as written.</param>
/// <param name="TextHtml">Text assignments: the text rendered and sanitised.</param>
/// <param name="FileIds">File assignments: the files handed in.</param>
/// <param name="Answers">Quizzes: the answers given.</param>
/// <param name="Score">Quizzes: points out of the assignment's <c>maxPoints</c>, computed at submission after any late penalty; null for work graded by staff.</param>
/// <param name="Grade">The staff's grade: for those who may grade it, always; for its author, once Released or ReturnedForRevision (never a Draft); absent otherwise.</param>
/// <param name="UpdatedAt">When this attempt or the grade shown with it last changed (an attempt never changes once handed in): the next <c>updatedSince</c> of a sync.</param>
internal sealed record SubmissionResponse(
    Guid Id, Guid AssignmentId, Guid CohortId, Guid AuthorId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? GroupId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? HandedInBy, int Attempt, DateTimeOffset SubmittedAt, DateTimeOffset DueAt, bool IsLate, int DaysLate,
    int PenaltyPercent, string? Text, string? TextHtml, IReadOnlyList<Guid> FileIds, IReadOnlyList<QuizAnswer> Answers, decimal? Score,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] GradeResponse? Grade, DateTimeOffset UpdatedAt)
{
    public static SubmissionResponse From(Submission s, Grade? grade = null) =>
        new(s.Id, s.AssignmentId, s.CohortId, s.AuthorId, s.GroupId, s.HandedInBy, s.Attempt, s.SubmittedAt, s.DueAt, s.IsLate, s.DaysLate, s.PenaltyPercent,
            s.TextMarkdown, s.TextHtml, s.FileIds, s.Answers, s.Score, grade is null ? null : GradeResponse.From(grade), grade?.UpdatedAt ?? s.SubmittedAt);
}
