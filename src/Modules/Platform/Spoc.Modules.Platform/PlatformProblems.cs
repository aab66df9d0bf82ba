using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Platform;

/// <summary>
/// Every problem type Platform raises, each slug written once (the catalogue of every type: docs/problems.md).
/// The host's own types (validation-failed, not-found, precondition-failed...) come from the kernel and the host.
/// </summary>
internal static class PlatformProblems
{
    /// <summary>A validation failure whose only field error (its code, on <c>password</c>) is a password among the 10,000 most common ones.</summary>
    public static readonly ProblemType CommonPassword = new(400, "common-password", "One or more fields are invalid");

    /// <summary>A validation failure on <c>currentPassword</c>: <c>POST /me/password</c> with a wrong current password.</summary>
    public static readonly ProblemType WrongPassword = new(400, "wrong-password", "One or more fields are invalid");

    /// <summary>Unknown e-mail and wrong password alike, so the answer tells nobody which addresses have an account.</summary>
    public static readonly ProblemType InvalidCredentials = new(401, "invalid-credentials", "Invalid email or password");

    public static readonly ProblemType EmailNotVerified =
        new(403, "email-not-verified", "Email not verified", "Open the link mailed to you at registration first; registering again sends a new one.");

    public static readonly ProblemType InvalidRefreshToken =
        new(401, "invalid-refresh-token", "The refresh token is invalid, expired or revoked; sign in again");

    /// <summary>A mailed link (verify the address, reset the password) that is unknown, expired or used.</summary>
    public static readonly ProblemType InvalidToken =
        new(400, "invalid-token", "Invalid link", "This link is unknown, expired or already used; ask for a new one.");

    /// <summary>Per account, beside the host's per-IP rate limit (the same type, its own title); thrown with a RetryAfter.</summary>
    public static readonly ProblemType TooManySignInAttempts =
        ProblemType.TooManyRequests with { Title = "Too many sign-in attempts", Detail = "Too many attempts for this account; retry later." };

    /// <summary>{0}: the limit in MB.</summary>
    public static readonly ProblemType FileTooLarge = ProblemType.PayloadTooLarge with { Title = "File too large", Detail = "Files are limited to {0} MB." };

    public static readonly ProblemType UnsupportedFileType =
        new(415, "unsupported-file-type", "File type not accepted", "Accepted: PDF, PNG, JPEG, GIF, WebP, Word, Excel, PowerPoint, OpenDocument text, plain text, CSV, Markdown — and the content must match the extension.");

    public static readonly ProblemType MarkupNotAllowed =
        new(415, "markup-not-allowed", "Markup not accepted in a text file",
            "Text, CSV and Markdown files may not contain HTML, SVG or XML markup (such as <script> or <html>). Upload it as a PDF instead.");

    public static readonly ProblemType InvitationUsed = new(409, "invitation-used", "Invitation already used", "This invitation was already accepted.");

    public static readonly ProblemType SlugTaken = new(409, "slug-taken", "Slug already used", "Another organisation already uses this slug.");

    public static readonly ProblemType AlreadyMember = new(409, "already-member", "Already a member", "This person already belongs to the organisation.");

    public static readonly ProblemType AlreadyInvited = new(409, "already-invited", "Already added", "This email was just added or invited to the organisation.");

    public static readonly ProblemType LastOrgAdmin =
        new(409, "last-org-admin", "Last organisation admin", "An organisation keeps at least one admin: make someone else admin before demoting or removing this one.");

    public static readonly ProblemType OrganizationSuspended =
        new(409, "organization-suspended", "Organisation suspended", "This organisation is suspended: it takes no new members until the platform admin reactivates it.");

    /// <summary>Only once the password is right, like <see cref="EmailNotVerified"/>: a wrong one still answers invalid-credentials.</summary>
    public static readonly ProblemType AccountDisabled =
        new(403, "account-disabled", "Account disabled", "This account was disabled by the platform admin; contact them to have it enabled again.");

    public static readonly ProblemType CannotDisableSelf =
        new(409, "cannot-disable-self", "You cannot disable your own account", "Another platform admin would have to do it, so that the platform always keeps an admin who can sign in.");

    /// <summary>{0}: the limit.</summary>
    public static readonly ProblemType TooManyApiClients =
        new(409, "too-many-api-clients", "Too many API clients", "An organisation has at most {0} API clients not revoked: revoke one it no longer uses first.");

    public static readonly ProblemType ApiClientRevoked = new(409, "api-client-revoked", "API client revoked", "This API client was revoked: register a new one.");

    // The client-credentials grant's errors (RFC 6749 §5.2): the slug is the OAuth error code with hyphens.
    public static readonly ProblemType OAuthInvalidRequest = new(400, "invalid-request", "Invalid token request");

    public static readonly ProblemType OAuthUnsupportedGrantType = new(400, "unsupported-grant-type", "Unsupported grant type");

    public static readonly ProblemType OAuthInvalidScope = new(400, "invalid-scope", "Scope not granted to this client");

    /// <summary>Unknown client, wrong or expired secret, revoked client, suspended organisation: all answered alike.</summary>
    public static readonly ProblemType OAuthInvalidClient = new(401, "invalid-client", "Client authentication failed");
}
