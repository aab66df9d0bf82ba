using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Community;

/// <summary>
/// Every problem type the Community module returns beyond the kernel's (not-found, forbidden, validation): each slug is
/// written here once, and the web app translates each one (fr, en).
/// </summary>
internal static class CommunityProblems
{
    /// <summary>Staff locked the thread: it stays readable, nobody adds a post.</summary>
    public static readonly ProblemType ThreadLocked = new(409, "thread-locked", "Thread locked", "This thread has been locked by the cohort's staff: no new posts.");

    /// <summary>A deleted post keeps its place as a tombstone, and nothing more happens to it.</summary>
    public static readonly ProblemType PostDeleted = new(409, "post-deleted", "Post deleted", "This post has been deleted: it can no longer be edited, answered, reacted to or moderated.");

    /// <summary>A cancelled session stays listed as cancelled; it is not changed, cancelled again or attended.</summary>
    public static readonly ProblemType SessionCancelled = new(409, "session-cancelled", "Session cancelled", "This session has been cancelled.");

    /// <summary>Check-in takes the code only from shortly before the start to the end, once staff have shown one.</summary>
    public static readonly ProblemType CheckInClosed = new(409, "check-in-closed", "Check-in closed", "Check-in is open from shortly before the session starts until it ends, once the code is shown.");

    /// <summary>The code typed is not the one shown in the room (the attempt counts towards the lockout).</summary>
    public static readonly ProblemType WrongCheckInCode = new(409, "wrong-check-in-code", "Wrong check-in code", "This is not the code shown for this session.");

    /// <summary>Too many check-in attempts for this session: wait for Retry-After.</summary>
    public static readonly ProblemType CheckInLocked = new(429, "check-in-locked", "Too many check-in attempts", "Too many attempts at this session's code: retry after the delay given in Retry-After, or ask the trainer.");
}
