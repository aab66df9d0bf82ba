using FluentValidation;
using Spoc.Modules.Courses.Contracts;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Courses.Features.Activities;

/// <summary>What an author sends for an activity, on creation and on update.</summary>
/// <param name="SectionId">The section of the same course that holds the activity.</param>
/// <param name="Content">Markdown, rendered and sanitised to HTML (at most 100,000 characters).</param>
/// <param name="Url">Absolute http(s) link: required for a <c>Video</c>, and for a <c>Resource</c> without <c>fileId</c>.</param>
/// <param name="FileId">A file the caller uploaded (POST /files), for a <c>Resource</c>.</param>
/// <param name="Position">0-based place in the section (0 to 1000); default: last. Others shift to make room.</param>
/// <param name="OffsetDays">Release day, counted from the cohort's <c>startsOn</c> (0 to 730).</param>
/// <param name="DueOffsetDays">Due day, from the cohort's <c>startsOn</c>: on or after <c>offsetDays</c>, at most 730; null: no due date.</param>
/// <param name="DurationMinutes">Expected effort, 0 to 1440 minutes.</param>
/// <param name="CompetencyCodes">Codes of the course's competencies this activity works on (at most 50).</param>
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
        RuleFor(a => a.CompetencyCodes).MaxItems(50);
        RuleForEach(a => a.CompetencyCodes).NotEmpty().MaximumLength(20);
    }
}
