using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.FollowUp;

/// <summary>
/// Every problem type the FollowUp module returns beyond the kernel's (not-found, forbidden, validation): each slug is
/// written here once, and the web app translates each one (fr, en).
/// </summary>
internal static class FollowUpProblems
{
    /// <summary>A follow-up action is done or cancelled once: it is not reopened nor closed again.</summary>
    public static readonly ProblemType ActionClosed = new(409, "action-closed", "Action already closed", "This follow-up action is already done or cancelled.");
}
