using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Spoc.Modules.Platform.Data;

namespace Spoc.Modules.Platform.Auth;

/// <summary>ASP.NET Core Identity's hasher (PBKDF2, salted, versioned) and the minimum password policy.</summary>
internal static class Passwords
{
    public const int MinLength = 8;

    public static readonly PasswordHasher<User> Hasher = new();

    /// <summary>Checked against when the email is unknown, so that both failures take the same time.</summary>
    public static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString()));

    public static IRuleBuilderOptions<T, string> StrongPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .MinimumLength(MinLength)
            .MaximumLength(128)
            .Must(p => p is null || (p.Any(char.IsLetter) && p.Any(char.IsDigit)))
            .WithMessage("The password must contain at least one letter and one digit.");
}
