using FluentValidation;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Cohorts.Features.Cohorts;

/// <summary>The shape of a cohort's schedule and seats, shared by creation and update; the application window is optional here (required for <c>Application</c> cohorts by each handler).</summary>
internal interface ICohortSettings
{
    string Title { get; }
    int Capacity { get; }
    DateOnly StartsOn { get; }
    DateOnly EndsOn { get; }
    DateTimeOffset? ApplicationsOpenAt { get; }
    DateTimeOffset? ApplicationsCloseAt { get; }
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
        RuleFor(c => c.ApplicationsOpenAt!.Value).SupportedDate().OverridePropertyName(nameof(ICohortSettings.ApplicationsOpenAt)).When(c => c.ApplicationsOpenAt is not null);
        RuleFor(c => c.ApplicationsCloseAt!.Value).SupportedDate().OverridePropertyName(nameof(ICohortSettings.ApplicationsCloseAt)).When(c => c.ApplicationsCloseAt is not null);
        RuleFor(c => c.ApplicationsCloseAt).NotNull().When(c => c.ApplicationsOpenAt is not null).WithMessage("An application window has both ends.");
        RuleFor(c => c.ApplicationsOpenAt).NotNull().When(c => c.ApplicationsCloseAt is not null).WithMessage("An application window has both ends.");
        RuleFor(c => c.EndsOn).GreaterThan(c => c.StartsOn).WithMessage("The cohort must end after it starts.");
        RuleFor(c => c.ApplicationsCloseAt).GreaterThan(c => c.ApplicationsOpenAt).WithMessage("Applications must close after they open.");
        RuleFor(c => c.TimeZone).IanaTimeZone();
        RuleFor(c => c.ApplicationsCloseAt)
            .Must((c, close) => close is null || !TimeZoneInfo.TryFindSystemTimeZoneById(c.TimeZone ?? "", out var zone)
                || DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(close.Value, zone).DateTime) <= c.StartsOn)
            .WithMessage("Applications must close on or before the start date (in the cohort's time zone).");
    }
}
