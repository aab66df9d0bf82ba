using Spoc.SharedKernel.Email;

namespace Spoc.Modules.Platform.Data;

internal sealed class User
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Email { get; set; }

    /// <summary>Lower-case, trimmed: what sign-in and uniqueness compare.</summary>
    public required string NormalizedEmail { get; set; }

    public required string DisplayName { get; set; }
    public string PasswordHash { get; set; } = "";
    public bool IsPlatformAdmin { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set by the platform admin: the account can neither sign in nor refresh a session (docs/adr/0041).</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>
    /// Set at self-registration until the mailed link is opened; sign-in is refused meanwhile. False for everyone else
    /// (the bootstrap admin, demo people, accounts that predate verification, invitees who registered with their link).
    /// </summary>
    public bool EmailVerificationPending { get; set; }

    /// <summary><c>fr</c> or <c>en</c>: the web app's language and the language of every mail to this person.</summary>
    public string PreferredLanguage { get; set; } = Languages.French;

    /// <summary>Concurrency token of the profile (name, language), also its ETag.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
