using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Platform;

/// <summary>
/// Every problem type Platform raises, each slug written once (the catalogue of every type: docs/problems.md).
/// The host's own types (validation-failed, not-found, precondition-failed...) come from the kernel and the host.
/// </summary>
internal static class PlatformProblems
{
    /// <summary>Field error code: the password is among the 10,000 most common ones.</summary>
    public const string CommonPassword = "common-password";

    /// <summary>Field error code on <c>currentPassword</c>: <c>POST /me/password</c> with a wrong current password.</summary>
    public const string WrongPassword = "wrong-password";

    /// <summary>Unknown e-mail and wrong password alike, so the answer tells nobody which addresses have an account.</summary>
    public static ProblemException InvalidCredentials() => ProblemException.Unauthorized("invalid-credentials", "Invalid email or password");

    public static ProblemException EmailNotVerified() =>
        new(403, "email-not-verified", "Email not verified", "Open the link mailed to you at registration first; registering again sends a new one.");

    public static ProblemException InvalidRefreshToken() =>
        ProblemException.Unauthorized("invalid-refresh-token", "The refresh token is invalid, expired or revoked; sign in again");

    /// <summary>A mailed link (verify the address, reset the password) that is unknown, expired or used.</summary>
    public static ProblemException InvalidToken() =>
        new(400, "invalid-token", "Invalid link", "This link is unknown, expired or already used; ask for a new one.");

    public static ProblemException TooManySignInAttempts(TimeSpan retryAfter) =>
        new(429, "too-many-requests", "Too many sign-in attempts", "Too many attempts for this account; retry later.") { RetryAfter = retryAfter };

    public static ProblemException FileTooLarge(long maxBytes) =>
        new(413, "payload-too-large", "File too large", $"Files are limited to {maxBytes / (1024 * 1024)} MB.");

    public static ProblemException UnsupportedFileType() =>
        new(415, "unsupported-file-type", "File type not accepted", "Accepted: PDF, PNG, JPEG, GIF, WebP, Word, Excel, PowerPoint, OpenDocument text, plain text, CSV, Markdown — and the content must match the extension.");

    public static ProblemException MarkupNotAllowed() =>
        new(415, "markup-not-allowed", "Markup not accepted in a text file",
            "Text, CSV and Markdown files may not contain HTML, SVG or XML markup (such as <script> or <html>). Upload it as a PDF instead.");

    public static ProblemException InvitationUsed() => ProblemException.Conflict("invitation-used", "Invitation already used", "This invitation was already accepted.");

    public static ProblemException SlugTaken() => ProblemException.Conflict("slug-taken", "Slug already used", "Another organisation already uses this slug.");

    public static ProblemException AlreadyMember() => ProblemException.Conflict("already-member", "Already a member", "This person already belongs to the organisation.");

    public static ProblemException AlreadyInvited() => ProblemException.Conflict("already-invited", "Already added", "This email was just added or invited to the organisation.");
}
