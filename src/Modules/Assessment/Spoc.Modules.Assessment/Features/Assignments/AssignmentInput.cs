using FluentValidation;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Assessment.Domain;
using Spoc.SharedKernel.Text;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Assessment.Features.Assignments;

/// <summary>What staff send for an assignment, on creation and on update (the whole assignment each time).</summary>
/// <param name="Instructions">Markdown, rendered and sanitised to HTML (at most 20,000 characters).</param>
/// <param name="MaxPoints">Points the work is graded out of (0.01 to 1000); a quiz's is the sum of its questions' points.</param>
/// <param name="Category">The gradebook category it counts in ("Quiz", "Projet", ...).</param>
/// <param name="IsPublished">False: a draft, seen by the cohort's trainers and admins only.</param>
/// <param name="ReleaseAt">When learners see it (once published); before <c>dueAt</c>.</param>
/// <param name="DueAt">The cohort's due date; each learner's own is moved by their pacing shift (<c>yourDueAt</c>).</param>
/// <param name="AllowResubmission">Whether a learner may hand in again (a new numbered attempt) before grading.</param>
/// <param name="LatePenaltyPercentPerDay">With <c>PenaltyPerDay</c> only: 1 to 100 % of the score per started day late.</param>
/// <param name="MaxAttempts">Quizzes only: 1 to 20 attempts; null: no limit beyond the resubmission rule.</param>
/// <param name="Questions">Quizzes only, and required for them: 1 to 100 questions.</param>
internal sealed record AssignmentInput(
    [property: System.ComponentModel.DataAnnotations.Required] AssignmentKind? Kind, string Title, [property: MultiLine] string? Instructions,
    decimal MaxPoints, string Category, bool IsPublished, DateTimeOffset ReleaseAt, DateTimeOffset DueAt, bool AllowResubmission,
    [property: System.ComponentModel.DataAnnotations.Required] LatePolicy? LatePolicy, int? LatePenaltyPercentPerDay, int? MaxAttempts,
    IReadOnlyList<QuizQuestion>? Questions);

internal sealed class AssignmentInputValidator : AbstractValidator<AssignmentInput>
{
    public AssignmentInputValidator()
    {
        RuleFor(a => a.Kind).NotNull().IsInEnum();
        RuleFor(a => a.Title).NotEmpty().MaximumLength(200);
        RuleFor(a => a.Instructions).MaximumLength(20_000);
        RuleFor(a => a.MaxPoints).InclusiveBetween(0.01m, 1000m).PrecisionScale(7, 2, true);
        RuleFor(a => a.Category).NotEmpty().MaximumLength(50);
        RuleFor(a => a.ReleaseAt).Must((a, release) => release < a.DueAt).WithMessage("Released before it is due.");
        RuleFor(a => a.LatePolicy).NotNull().IsInEnum();
        RuleFor(a => a.LatePenaltyPercentPerDay).InclusiveBetween(1, 100);
        RuleFor(a => a.LatePenaltyPercentPerDay).Must((a, penalty) => (penalty is not null) == (a.LatePolicy == LatePolicy.PenaltyPerDay))
            .WithMessage("A penalty per day goes with the PenaltyPerDay policy, and only with it.");
        RuleFor(a => a.MaxAttempts).InclusiveBetween(1, 20);
        RuleFor(a => a.MaxAttempts).Must((a, max) => max is null || a.Kind == AssignmentKind.Quiz).WithMessage("Only quizzes limit attempts.");
        RuleFor(a => a.Questions).MaxItems(100);
        RuleFor(a => a.Questions).Must((a, q) => (q is { Count: > 0 }) == (a.Kind == AssignmentKind.Quiz))
            .WithMessage("A quiz has 1 to 100 questions; other kinds have none.");
        RuleFor(a => a.MaxPoints).Must((a, max) => a.Kind != AssignmentKind.Quiz || a.Questions is null || a.Questions.Where(q => q is not null).Sum(q => q.Points) == max)
            .WithMessage("A quiz's maxPoints is the sum of its questions' points.");
        RuleForEach(a => a.Questions).NotNull().SetValidator(new QuizQuestionValidator());
    }
}

/// <summary>Each question type carries its own answer: choices with the right ones marked, a number with a tolerance, or accepted texts.</summary>
internal sealed class QuizQuestionValidator : AbstractValidator<QuizQuestion>
{
    public QuizQuestionValidator()
    {
        RuleFor(q => q.Type).NotNull().IsInEnum();
        RuleFor(q => q.Prompt).NotEmpty().MaximumLength(2000);
        RuleFor(q => q.Points).InclusiveBetween(0.01m, 1000m).PrecisionScale(7, 2, true);
        RuleFor(q => q.Choices).MaxItems(20);
        RuleForEach(q => q.Choices).NotNull().ChildRules(c => c.RuleFor(x => x.Text).NotEmpty().MaximumLength(500));
        RuleFor(q => q.Tolerance).GreaterThanOrEqualTo(0m);
        RuleFor(q => q.Accepted).MaxItems(20);
        RuleForEach(q => q.Accepted).NotEmpty().MaximumLength(200);
        RuleFor(q => q).Must(Answerable).OverridePropertyName("Type").WithMessage(
            "SingleChoice: 2 to 20 choices, exactly one correct; MultipleChoice: 2 to 20 choices, at least one correct; Numeric: an answer; ShortText: accepted answers. Nothing else.");
    }

    private static bool Answerable(QuizQuestion q)
    {
        var choices = q.Choices ?? [];
        var correct = choices.Count(c => c?.Correct == true);
        var onlyChoices = q.Answer is null && q.Tolerance is null && q.Accepted is null;
        return q.Type switch
        {
            QuestionType.SingleChoice => onlyChoices && choices.Count >= 2 && correct == 1,
            QuestionType.MultipleChoice => onlyChoices && choices.Count >= 2 && correct >= 1,
            QuestionType.Numeric => q.Answer is not null && q.Choices is null && q.Accepted is null,
            QuestionType.ShortText => q.Accepted is { Count: > 0 } && q.Choices is null && q.Answer is null && q.Tolerance is null,
            _ => true, // an unknown type is reported by its own rule
        };
    }
}

internal static class AssignmentAuthoring
{
    /// <summary>Replaces the assignment's definition with a validated input: trimmed texts, sanitized HTML, questions only for a quiz.</summary>
    public static void Apply(this Assignment assignment, AssignmentInput input)
    {
        assignment.Kind = input.Kind!.Value;
        assignment.Title = input.Title.Trim();
        assignment.InstructionsMarkdown = input.Instructions ?? "";
        assignment.InstructionsHtml = Markdown.ToSafeHtml(input.Instructions);
        assignment.MaxPoints = input.MaxPoints;
        assignment.Category = input.Category.Trim();
        assignment.IsPublished = input.IsPublished;
        assignment.ReleaseAt = input.ReleaseAt;
        assignment.DueAt = input.DueAt;
        assignment.AllowResubmission = input.AllowResubmission;
        assignment.LatePolicy = input.LatePolicy!.Value;
        assignment.LatePenaltyPercentPerDay = input.LatePenaltyPercentPerDay;
        assignment.MaxAttempts = input.MaxAttempts;
        assignment.Questions = (input.Questions ?? [])
            .Select(q => q with { Prompt = q.Prompt.Trim(), Choices = q.Choices?.Select(c => c with { Text = c.Text.Trim(), Correct = c.Correct == true }).ToList() })
            .ToList();
    }
}
