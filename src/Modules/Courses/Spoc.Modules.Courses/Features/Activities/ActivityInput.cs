using FluentValidation;
using Spoc.Modules.Courses.Contracts;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Courses.Features.Activities;

/// <summary>What an author sends for an activity, on creation and on update.</summary>
public sealed record ActivityInput(
    Guid SectionId, [property: System.ComponentModel.DataAnnotations.Required] ActivityKind? Kind, string Title, [property: MultiLine] string? Content, string? Url, Guid? FileId, int? Position,
    int OffsetDays, int? DueOffsetDays, int DurationMinutes, IReadOnlyList<string>? CompetencyCodes);

internal sealed class ActivityInputValidator : AbstractValidator<ActivityInput>
{
    public ActivityInputValidator()
    {
        RuleFor(a => a.SectionId).NotEmpty();
        RuleFor(a => a.Kind).NotNull().IsInEnum();
        RuleFor(a => a.Title).NotEmpty().MaximumLength(200);
        RuleFor(a => a.Content).MaximumLength(100_000);
        RuleFor(a => a.Url).NotEmpty().When(a => a.Kind == ActivityKind.Video).WithMessage("A video needs its link.");
        RuleFor(a => a.Url).NotEmpty().When(a => a.Kind == ActivityKind.Resource && a.FileId is null).WithMessage("A resource needs a link or an uploaded file.");
        RuleFor(a => a.Url).HttpUrl();
        RuleFor(a => a.Position).InclusiveBetween(0, 1000);
        RuleFor(a => a.OffsetDays).InclusiveBetween(0, 730);
        RuleFor(a => a.DueOffsetDays).InclusiveBetween(0, 730).GreaterThanOrEqualTo(a => a.OffsetDays).When(a => a.DueOffsetDays is not null)
            .WithMessage("Due on or after the release day, within two years.");
        RuleFor(a => a.DurationMinutes).InclusiveBetween(0, 24 * 60);
        RuleFor(a => a.CompetencyCodes).Must(c => c is null || c.Count <= 50);
        RuleForEach(a => a.CompetencyCodes).NotEmpty().MaximumLength(20);
    }
}
