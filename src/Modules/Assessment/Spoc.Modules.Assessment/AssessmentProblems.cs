using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Assessment;

/// <summary>
/// Every problem type the Assessment module returns beyond the kernel's (not-found, forbidden, precondition-failed, validation):
/// each slug is written here once, and the web app translates each one (fr, en).
/// </summary>
internal static class AssessmentProblems
{
    /// <summary>The learner's own due date has passed and the assignment refuses late work. {0}: that due date.</summary>
    public static readonly ProblemType SubmissionTooLate =
        new(409, "submission-too-late", "Too late to submit", "Your due date ({0:yyyy-MM-dd HH:mm} UTC) has passed and this assignment does not accept late work.");

    /// <summary>The learner already handed in work for an assignment that takes one submission.</summary>
    public static readonly ProblemType ResubmissionNotAllowed =
        new(409, "resubmission-not-allowed", "Already submitted", "This assignment takes a single submission, and you have handed yours in.");

    /// <summary>A quiz's attempts are used up. {0}: the limit.</summary>
    public static readonly ProblemType AttemptsExhausted = new(409, "attempts-exhausted", "No attempts left", "You have used all {0} attempts of this quiz.");

    /// <summary>A group project is handed in by a group, and the learner is in none of the cohort's.</summary>
    public static readonly ProblemType NotInAGroup =
        new(409, "not-in-a-group", "Not in a project group", "This group project is handed in by a project group, and you are not in one yet: ask your trainer.");

    /// <summary>Learners have handed in work: the assignment's kind and quiz questions stay as they answered them.</summary>
    public static readonly ProblemType AssignmentHasSubmissions =
        new(409, "assignment-has-submissions", "Assignment already answered", "Learners have handed in work: its kind and questions can no longer change.");

    /// <summary>Grades refer to the rubric's criteria and levels: once one exists, the rubric stays as it was graded.</summary>
    public static readonly ProblemType RubricInUse =
        new(409, "rubric-in-use", "Rubric already used for grading", "Work has been graded with this rubric: it can no longer change. Copy the assignment to grade with another rubric.");
}
