using System.Security.Cryptography;
using Spoc.Modules.Community.Contracts;

namespace Spoc.Modules.Community.Domain;

/// <summary>One learner's attendance at one session, recorded by staff (the sheet) or by the learner's check-in.</summary>
internal sealed class SessionAttendance
{
    public Guid SessionId { get; init; }
    public Guid UserId { get; init; }
    public AttendanceStatus Status { get; set; }

    /// <summary>When the learner checked in with the code; null when staff recorded the status.</summary>
    public DateTimeOffset? CheckedInAt { get; set; }
    public Guid RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// A learner's check-in attempts at one session: claimed one by one with an atomic conditional update before the code is
/// compared, so parallel guesses cannot exceed the limit; the count starts again once the lockout has passed.
/// </summary>
internal sealed class CheckInAttempts
{
    public Guid SessionId { get; init; }
    public Guid UserId { get; init; }
    public int Count { get; set; }

    /// <summary>The latest attempt: the lockout runs from it, and a count whose latest attempt is older than the lockout starts again.</summary>
    public DateTimeOffset LastAt { get; set; }
}

/// <summary>
/// "Prepare for your session" sent to one learner for one session: its primary key is the claim, committed with the
/// notification, so two instances or a restart never send it twice.
/// </summary>
internal sealed class SessionReminder
{
    public Guid SessionId { get; init; }
    public Guid UserId { get; init; }
    public DateTimeOffset SentAt { get; init; }
}

/// <summary>Check-in codes: 6 characters from 31 that cannot be misread (no 0/O, 1/I/L): 31^6 ≈ 8.9 × 10^8 codes.</summary>
internal static class CheckInCodes
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 6;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>What a learner typed, as compared: spaces and dashes dropped, upper case.</summary>
    public static string Normalize(string typed) =>
        new(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    public static bool Matches(string? issued, string typed) =>
        issued is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(issued), System.Text.Encoding.ASCII.GetBytes(Normalize(typed)));
}
