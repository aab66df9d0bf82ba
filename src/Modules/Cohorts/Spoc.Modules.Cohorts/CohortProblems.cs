using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Cohorts;

/// <summary>
/// Every business-rule problem Cohorts answers (409), each <c>type</c> slug written once: integrators code against these
/// slugs and the web app translates them. Not found and forbidden are the kernel's own (<see cref="ProblemType"/>).
/// Thrown with <c>CohortProblems.X.Exception(args)</c>, declared on endpoints with <c>.Problems(CohortProblems.X)</c>.
/// </summary>
internal static class CohortProblems
{
    public static readonly ProblemType CohortFull =
        new(409, "cohort-full", "The cohort is full", "No seat is left; waitlist the application instead, or raise the capacity.");

    public static readonly ProblemType CapacityBelowSeatsTaken =
        new(409, "capacity-below-seats-taken", "Capacity below seats taken", "More learners are already enrolled than this capacity allows.");

    /// <summary>{0}: the cohort's <see cref="Contracts.AdmissionMode"/>.</summary>
    public static readonly ProblemType AdmissionModeMismatch =
        new(409, "admission-mode-mismatch", "Learners join another way", "This cohort admits learners by {0}.");

    /// <summary>{0} says who: "You already belong...", "The applicant already belongs...".</summary>
    public static readonly ProblemType AlreadyMember = new(409, "already-member", "Already a member", "{0}");

    /// <summary>{0}: " and mentors" when the role asked for is mentor, else empty; {1}: the role.</summary>
    public static readonly ProblemType RoleNotHeld =
        new(409, "role-not-held", "Not staff of the organisation", "Only the organisation's trainers and admins{0} may be made {1} of its cohorts.");

    public static readonly ProblemType LastTrainer =
        new(409, "last-trainer", "The last trainer", "A cohort keeps at least one trainer: add another trainer first.");

    public static readonly ProblemType NotAMentor =
        new(409, "not-a-mentor", "Not a mentor of this cohort", "The mentor must be a mentor or trainer of this cohort.");

    public static readonly ProblemType ApplicationsNotAccepted =
        new(409, "applications-not-accepted", "This cohort does not take applications", "Its learners join by invitation or organisation enrolment.");

    /// <summary>{0} and {1}: when the window opens and closes.</summary>
    public static readonly ProblemType ApplicationWindowClosed =
        new(409, "application-window-closed", "Applications are closed", "Applications are accepted from {0:u} to {1:u}.");

    public static readonly ProblemType DuplicateApplication =
        new(409, "duplicate-application", "Already applied", "You already have a live application to this cohort; withdraw it to apply again.");

    /// <summary>Staff deciding an application past that point (the applicant withdrawing one: <see cref="ApplicationAlreadyClosed"/>). {0}: its status.</summary>
    public static readonly ProblemType ApplicationAlreadyDecided =
        new(409, "application-already-decided", "Already decided", "This application is {0}.");

    /// <summary>The same type, titled for the applicant withdrawing a closed application.</summary>
    public static readonly ProblemType ApplicationAlreadyClosed = ApplicationAlreadyDecided with { Title = "Already closed" };

    public static readonly ProblemType InvitationUsed =
        new(409, "invitation-used", "Invitation already used", "This invitation was already accepted.");

    public static readonly ProblemType InvitationExpired =
        new(409, "invitation-expired", "Invitation expired", "Ask the cohort's staff for a new invitation.");

    public static readonly ProblemType AlreadyInGroup =
        new(409, "already-in-group", "Already in a group", "A learner belongs to one group at most; take them out of their group first.");

    public static readonly ProblemType AlreadyPartner =
        new(409, "already-partner", "Already named", "This organisation is already named on the cohort.");

    /// <summary>{0}: the partnership's status.</summary>
    public static readonly ProblemType PartnershipDecided =
        new(409, "partnership-decided", "Partnership already decided", "This partnership is already {0}.");
}
