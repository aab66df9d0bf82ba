using FluentValidation;
using FluentValidation.Results;

namespace Spoc.SharedKernel.Validation;

/// <summary>Field rules every module words the same way.</summary>
public static class Rules
{
    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(254).EmailAddress();

    /// <summary>Absolute http(s) links only: no <c>javascript:</c>, <c>data:</c> or relative URLs reach a page.</summary>
    public static IRuleBuilderOptions<T, string?> HttpUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(2000)
            .Must(u => u is null || (Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            .WithMessage("An absolute http(s) link.");

    /// <summary>A field found invalid by a handler (against the database), reported like any validator failure (400 with errors).</summary>
    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
