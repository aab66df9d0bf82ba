using System.Collections;
using FluentValidation;
using FluentValidation.Results;
using FluentValidation.Validators;

namespace Spoc.SharedKernel.Validation;

/// <summary>Field rules every module words the same way.</summary>
public static class Rules
{
    /// <summary>Error codes that name a format, so that the OpenAPI document can state it (see ValidatorSchemaFilter).</summary>
    public const string HttpUrlCode = "HttpUrl", TimeZoneCode = "IanaTimeZone";

    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(254).EmailAddress();

    /// <summary>Absolute http(s) links only: no <c>javascript:</c>, <c>data:</c> or relative URLs reach a page.</summary>
    public static IRuleBuilderOptions<T, string?> HttpUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(2000)
            .Must(u => u is null || (Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            .WithMessage("An absolute http(s) link.").WithErrorCode(HttpUrlCode);

    public static IRuleBuilderOptions<T, string> IanaTimeZone<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(64).Must(tz => TimeZoneInfo.TryFindSystemTimeZoneById(tz ?? "", out _))
            .WithMessage("An IANA time zone such as \"Europe/Paris\".").WithErrorCode(TimeZoneCode);

    /// <summary>At most <paramref name="max"/> items (a null list passes), as a rule the OpenAPI document can read (<c>maxItems</c>).</summary>
    public static IRuleBuilderOptions<T, TList> MaxItems<T, TList>(this IRuleBuilder<T, TList> rule, int max)
        where TList : IEnumerable? => rule.SetValidator(new MaxItemsValidator<T, TList>(max));

    /// <summary>
    /// The calendar a request may name: 2000 to 2100. Far enough for any cohort, near enough that adding day offsets,
    /// pacing shifts and time-zone offsets to a date never leaves what DateOnly and DateTimeOffset can hold (a 500).
    /// </summary>
    public static readonly DateOnly FirstDay = new(2000, 1, 1);

    public static readonly DateOnly LastDay = new(2100, 12, 31);

    private const string CalendarMessage = "A date between 2000-01-01 and 2100-12-31.";

    public static IRuleBuilderOptions<T, DateOnly> SupportedDate<T>(this IRuleBuilder<T, DateOnly> rule) =>
        rule.InclusiveBetween(FirstDay, LastDay).WithMessage(CalendarMessage);

    public static IRuleBuilderOptions<T, DateTimeOffset> SupportedDate<T>(this IRuleBuilder<T, DateTimeOffset> rule) =>
        rule.Must(d => DateOnly.FromDateTime(d.UtcDateTime) is var day && day >= FirstDay && day <= LastDay).WithMessage(CalendarMessage);

    /// <summary>A field found invalid by a handler (against the database), reported like any validator failure (400 with errors).</summary>
    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}

/// <summary>What <see cref="Rules.MaxItems"/> checks, readable from a validator's rules.</summary>
public interface IMaxItemsValidator
{
    int Max { get; }
}

public sealed class MaxItemsValidator<T, TList>(int max) : PropertyValidator<T, TList>, IMaxItemsValidator
    where TList : IEnumerable?
{
    public int Max => max;

    public override string Name => nameof(MaxItemsValidator<T, TList>);

    public override bool IsValid(ValidationContext<T> context, TList value) => value is null || value.Cast<object?>().Count() <= max;

    protected override string GetDefaultMessageTemplate(string errorCode) => $"At most {max} items.";
}
