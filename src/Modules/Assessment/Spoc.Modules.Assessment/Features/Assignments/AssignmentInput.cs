using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
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
/// <param name="Rubric">Not for quizzes: the criteria × levels staff grade it with; each criterion may name a competency of the cohort's course.
/// Frozen once a grade exists (409 <c>rubric-in-use</c>).</param>
/// <param name="RubricTemplateId">Instead of <c>rubric</c>: copy one of the organisation's rubric templates (later edits of the template do not reach it).</param>
internal sealed record AssignmentInput(
    [property: System.ComponentModel.DataAnnotations.Required] AssignmentKind? Kind, string Title, [property: MultiLine] string? Instructions,
    decimal MaxPoints, string Category, bool IsPublished, DateTimeOffset ReleaseAt, DateTimeOffset DueAt, bool AllowResubmission,
    [property: System.ComponentModel.DataAnnotations.Required] LatePolicy? LatePolicy, int? LatePenaltyPercentPerDay, int? MaxAttempts,
    IReadOnlyList<QuizQuestion>? Questions, Rubric? Rubric = null, Guid? RubricTemplateId = null);

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
        RuleFor(a => a.Rubric).SetValidator(new RubricValidator()!);
        RuleFor(a => a.Rubric).Null().When(a => a.RubricTemplateId is not null).WithMessage("Either a rubric or a rubric template, not both.");
        RuleFor(a => a.Kind).Must((a, kind) => kind != AssignmentKind.Quiz || (a.Rubric is null && a.RubricTemplateId is null))
            .WithMessage("A quiz is scored from its questions: it has no rubric.");
    }
}

/// <summary>A rubric: 1 to 30 criteria.</summary>
internal sealed class RubricValidator : AbstractValidator<Rubric>
{
    public RubricValidator()
    {
        RuleFor(r => r.Criteria).Must(c => c is { Count: >= 1 and <= 30 }).WithMessage("1 to 30 criteria.");
        RuleForEach(r => r.Criteria).NotNull().SetValidator(new RubricCriterionValidator());
    }
}

/// <summary>2 to 10 levels listed from the lowest, their points (0 or more) strictly increasing.</summary>
internal sealed class RubricCriterionValidator : AbstractValidator<RubricCriterion>
{
    public RubricCriterionValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Description).MaximumLength(2000);
        RuleFor(x => x.CompetencyCode).MaximumLength(20);
        RuleFor(x => x.Levels).Must(l => l is { Count: >= 2 and <= 10 }).WithMessage("2 to 10 levels.");
        RuleForEach(x => x.Levels).NotNull().ChildRules(l =>
        {
            l.RuleFor(x => x.Title).NotEmpty().MaximumLength(200);
            l.RuleFor(x => x.Description).MaximumLength(2000);
            l.RuleFor(x => x.Points).InclusiveBetween(0m, 1000m).PrecisionScale(7, 2, true);
        });
        RuleFor(x => x.Levels).Must(l => l.Where(x => x is not null).Zip(l.Where(x => x is not null).Skip(1)).All(p => p.First.Points < p.Second.Points))
            .When(x => x.Levels is not null).WithMessage("Levels go from the lowest to the highest: their points strictly increase.");
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
    /// <summary>
    /// Replaces the assignment's definition with a validated input: trimmed texts, sanitized HTML, questions only for a quiz,
    /// and <paramref name="rubric"/> (see <see cref="RubricOfAsync"/>); a rubric whose content did not change keeps its ids.
    /// </summary>
    public static void Apply(this Assignment assignment, AssignmentInput input, List<RubricCriterion> rubric)
    {
        if (!Domain.Rubric.SameContent(assignment.Rubric, rubric))
        {
            assignment.Rubric = rubric;
        }

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

    /// <summary>
    /// The rubric an input asks for, with fresh ids: its own, or a copy of a template of the cohort's organisation. Competency
    /// codes are checked against the cohort's course (Courses) and take the course's spelling; unknown ones are 400.
    /// </summary>
    public static async Task<List<RubricCriterion>> RubricOfAsync(
        this AssessmentDbContext db, ISender sender, AssignmentInput input, CohortAccessInfo access, CancellationToken ct)
    {
        var criteria = input.Rubric?.Criteria;
        if (input.RubricTemplateId is { } templateId)
        {
            criteria = await db.RubricTemplates.AsNoTracking().Where(t => t.Id == templateId && t.OrganizationId == access.OrganizationId)
                    .Select(t => t.Criteria).FirstOrDefaultAsync(ct)
                ?? throw Rules.Invalid("RubricTemplateId", "No such rubric template in this cohort's organisation.");
        }

        var rubric = Domain.Rubric.WithNewIds(criteria ?? []);
        if (rubric.Any(c => c.CompetencyCode is not null))
        {
            var competencies = (await sender.Send(new GetCourseCompetencies(access.CourseId), ct)).ToDictionary(c => c.Code, c => c.Code, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < rubric.Count; i++)
            {
                if (rubric[i].CompetencyCode is { } code)
                {
                    rubric[i] = rubric[i] with
                    {
                        CompetencyCode = competencies.GetValueOrDefault(code)
                            ?? throw Rules.Invalid($"Rubric.Criteria[{i}].CompetencyCode", $"\"{code}\" is not a competency of this cohort's course ({string.Join(", ", competencies.Keys)})."),
                    };
                }
            }
        }

        return rubric;
    }
}
