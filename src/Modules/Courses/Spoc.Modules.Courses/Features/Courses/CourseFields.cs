using FluentValidation;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Courses.Features.Courses;

/// <summary>A course's description and competencies, shared by creation and update.</summary>
internal interface ICourseFields
{
    string Title { get; }
    string? Summary { get; }
    string Language { get; }
    IReadOnlyList<CreateCourse.CompetencyInput>? Competencies { get; }
}

internal sealed class CourseFieldsValidator : AbstractValidator<ICourseFields>
{
    public CourseFieldsValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Summary).MaximumLength(4000);
        RuleFor(c => c.Language).NotEmpty().MaximumLength(20).Matches("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$").WithMessage("A language tag such as \"fr\" or \"en-GB\".");
        RuleFor(c => c.Competencies).MaxItems(100).WithMessage("At most 100 competencies.")
            .Must(c => c is null || c.Select(x => x?.Code?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == c.Count).WithMessage("Competency codes must be unique.");
        RuleForEach(c => c.Competencies).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Code).NotEmpty().MaximumLength(20);
            c.RuleFor(x => x.Title).NotEmpty().MaximumLength(200);
        });
    }
}
