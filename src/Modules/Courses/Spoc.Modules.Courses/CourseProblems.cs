using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Courses;

/// <summary>
/// Every problem type the Courses module returns beyond the kernel's (not-found, forbidden, precondition-failed, validation):
/// each slug is written here once, and the web app translates each one (fr, en).
/// </summary>
internal static class CourseProblems
{
    /// <summary>409: the activity opens later in the cohort's calendar.</summary>
    public static ProblemException ActivityNotReleased() =>
        ProblemException.Conflict("activity-not-released", "Not released yet", "This activity opens later in the cohort's calendar.");

    /// <summary>409: competencies removed from a course are still developed by some of its activities.</summary>
    public static ProblemException CompetencyInUse(IEnumerable<string> codes) =>
        ProblemException.Conflict("competency-in-use", "Competency in use", $"Activities still develop: {string.Join(", ", codes)}.");
}
