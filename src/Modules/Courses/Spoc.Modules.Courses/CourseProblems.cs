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

    /// <summary>A reorder that does not name exactly the course's sections and activities: the caller's outline is out of date.</summary>
    public static readonly ProblemType OutlineChanged =
        new(409, "outline-changed", "Outline changed", "The course's sections or activities changed since you read them: reload the outline and try again.");
}
