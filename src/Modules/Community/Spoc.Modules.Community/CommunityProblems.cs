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
}
