using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Courses;

/// <summary>
/// Every problem type the Courses module returns beyond the kernel's (not-found, forbidden, precondition-failed, validation):
/// each slug is written here once, and the web app translates each one (fr, en).
/// </summary>
internal static class CourseProblems
{
    /// <summary>The activity opens later in the cohort's calendar.</summary>
    public static readonly ProblemType ActivityNotReleased =
        new(409, "activity-not-released", "Not released yet", "This activity opens later in the cohort's calendar.");

    /// <summary>Competencies removed from a course are still developed by some of its activities. {0}: their codes, comma-separated.</summary>
    public static readonly ProblemType CompetencyInUse = new(409, "competency-in-use", "Competency in use", "Activities still develop: {0}.");
}
