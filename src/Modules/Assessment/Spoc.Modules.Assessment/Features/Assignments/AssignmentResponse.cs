using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Assessment.Features.Assignments;

/// <summary>An assignment as the caller may see it.</summary>
/// <param name="Instructions">The Markdown as written, for those who edit it (trainers, org admins); null for others.</param>
/// <param name="InstructionsHtml">The instructions rendered and sanitised.</param>
/// <param name="IsPublished">False: a draft, seen by the cohort's trainers and admins only.</param>
/// <param name="DueAt">The cohort's due date.</param>
/// <param name="YourDueAt">For a learner: their own due date, <c>dueAt</c> moved by their pacing shift; late work is judged against it. Null for staff.</param>
/// <param name="AnswersShown">Whether <c>questions</c> carry their answers: always for staff, for a learner once their due date has passed.</param>
/// <param name="Questions">A quiz's questions (empty for other kinds).</param>
/// <param name="Rubric">The rubric it is graded with, ids included (what <c>rubricScores</c> name when grading); null when none.</param>
internal sealed record AssignmentResponse(
    Guid Id, Guid CohortId, AssignmentKind Kind, string Title, string? Instructions, string InstructionsHtml, decimal MaxPoints, string Category,
    bool IsPublished, DateTimeOffset ReleaseAt, DateTimeOffset DueAt, DateTimeOffset? YourDueAt, bool AllowResubmission, LatePolicy LatePolicy,
    int? LatePenaltyPercentPerDay, int? MaxAttempts, bool AnswersShown, IReadOnlyList<QuizQuestion> Questions, Rubric? Rubric, DateTimeOffset CreatedAt, Guid Version) : IVersioned
{
    /// <param name="shiftDays">The caller's pacing shift when they are a learner of the cohort.</param>
    public static AssignmentResponse For(Assignment a, CohortAccessInfo access, int shiftDays, DateTimeOffset now)
    {
        var learner = access.Role == CohortRole.Learner && !access.Can(CohortCapability.PreviewContent);
        DateTimeOffset? yourDueAt = learner ? CohortAssessment.PersonalDueAt(a.DueAt, shiftDays, access.TimeZone) : null;

        // Answers stay hidden until every due date that applies has passed: the cohort's and the learner's own.
        var answersShown = !learner || (a.DueAt <= now && yourDueAt <= now);
        return new AssignmentResponse(
            a.Id, a.CohortId, a.Kind, a.Title, access.Can(CohortCapability.ManageAssignments) ? a.InstructionsMarkdown : null, a.InstructionsHtml,
            a.MaxPoints, a.Category, a.IsPublished, a.ReleaseAt, a.DueAt, yourDueAt, a.AllowResubmission, a.LatePolicy, a.LatePenaltyPercentPerDay,
            a.MaxAttempts, answersShown, answersShown ? a.Questions : a.Questions.Select(q => q.WithoutAnswers()).ToList(), a.Rubric.Count == 0 ? null : new Rubric(a.Rubric), a.CreatedAt, a.Version);
    }
}

internal static class AssignmentVisibility
{
    /// <summary>Drafts for those who manage assignments; published ones before their release for staff who preview; released ones for all.</summary>
    public static IQueryable<Assignment> VisibleTo(this IQueryable<Assignment> assignments, CohortAccessInfo access, DateTimeOffset now) =>
        access.Can(CohortCapability.ManageAssignments) ? assignments
        : access.Can(CohortCapability.PreviewContent) ? assignments.Where(a => a.IsPublished)
        : assignments.Where(a => a.IsPublished && a.ReleaseAt <= now);
}
