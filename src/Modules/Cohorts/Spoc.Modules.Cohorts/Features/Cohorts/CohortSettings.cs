using FluentValidation;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Cohorts.Features.Cohorts;

/// <summary>The shape of a cohort's schedule and seats, shared by creation and update.</summary>
internal interface ICohortSettings
{
    string Title { get; }
    int Capacity { get; }
    DateOnly StartsOn { get; }
    DateOnly EndsOn { get; }
    DateTimeOffset ApplicationsOpenAt { get; }
    DateTimeOffset ApplicationsCloseAt { get; }
    string TimeZone { get; }
}

internal sealed class CohortSettingsValidator : AbstractValidator<ICohortSettings>
{
    public const int MaxCapacity = 200;

    public CohortSettingsValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Capacity).InclusiveBetween(1, MaxCapacity);
        RuleFor(c => c.StartsOn).SupportedDate();
        RuleFor(c => c.EndsOn).SupportedDate();
        RuleFor(c => c.ApplicationsOpenAt).SupportedDate();
        RuleFor(c => c.ApplicationsCloseAt).SupportedDate();
        RuleFor(c => c.EndsOn).GreaterThan(c => c.StartsOn).WithMessage("The cohort must end after it starts.");
        RuleFor(c => c.ApplicationsCloseAt).GreaterThan(c => c.ApplicationsOpenAt).WithMessage("Applications must close after they open.");
        RuleFor(c => c.TimeZone).IanaTimeZone();
        RuleFor(c => c.ApplicationsCloseAt)
            .Must((c, close) => !TimeZoneInfo.TryFindSystemTimeZoneById(c.TimeZone ?? "", out var zone)
                || DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(close, zone).DateTime) <= c.StartsOn)
            .WithMessage("Applications must close on or before the start date (in the cohort's time zone).");
    }
}
