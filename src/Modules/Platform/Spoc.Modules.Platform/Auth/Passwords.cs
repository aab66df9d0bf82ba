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

    /// <summary>The 10,000 most common passwords (SecLists, MIT; see docs/adr/0010-account-lifecycle.md), compared case-insensitively.</summary>
    private static readonly Lazy<HashSet<string>> Common = new(() =>
    {
        using var stream = typeof(Passwords).Assembly.GetManifestResourceStream("Spoc.Modules.Platform.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            set.Add(line);
        }

        return set;
    });

    public static bool IsCommon(string password) => Common.Value.Contains(password);

    public static IRuleBuilderOptions<T, string> StrongPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .MinimumLength(MinLength)
            .MaximumLength(128)
            .Must(p => p is null || (p.Any(char.IsLetter) && p.Any(char.IsDigit)))
            .WithMessage("The password must contain at least one letter and one digit.")
            .Must(p => p is null || !IsCommon(p))
            .WithErrorCode(PlatformProblems.CommonPassword.Slug)
            .WithMessage("This password is among the most common ones: choose another.");
}
