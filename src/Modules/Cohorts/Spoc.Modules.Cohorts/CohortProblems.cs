using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Cohorts;

/// <summary>
/// Every business-rule problem Cohorts answers (409), each <c>type</c> slug written once: integrators code against these
/// slugs and the web app translates them. Not found and forbidden are the kernel's own (<see cref="ProblemException"/>).
/// </summary>
internal static class CohortProblems
{
    public static ProblemException CohortFull() =>
        ProblemException.Conflict("cohort-full", "The cohort is full", "No seat is left; waitlist the application instead, or raise the capacity.");

    public static ProblemException CapacityBelowSeatsTaken() =>
        ProblemException.Conflict("capacity-below-seats-taken", "Capacity below seats taken", "More learners are already enrolled than this capacity allows.");

    public static ProblemException AdmissionModeMismatch(AdmissionMode mode) =>
        ProblemException.Conflict("admission-mode-mismatch", "Learners join another way", $"This cohort admits learners by {mode}.");

    /// <summary><paramref name="detail"/> says who: "You already belong...", "The applicant already belongs...".</summary>
    public static ProblemException AlreadyMember(string detail) => ProblemException.Conflict("already-member", "Already a member", detail);

    public static ProblemException RoleNotHeld(CohortRole role) =>
        ProblemException.Conflict("role-not-held", "Not staff of the organisation",
            $"Only the organisation's trainers and admins{(role == CohortRole.Mentor ? " and mentors" : "")} may be made {role} of its cohorts.");

    public static ProblemException LastTrainer() =>
        ProblemException.Conflict("last-trainer", "The last trainer", "A cohort keeps at least one trainer: add another trainer first.");

    public static ProblemException NotAMentor() =>
        ProblemException.Conflict("not-a-mentor", "Not a mentor of this cohort", "The mentor must be a mentor or trainer of this cohort.");

    public static ProblemException ApplicationsNotAccepted() =>
        ProblemException.Conflict("applications-not-accepted", "This cohort does not take applications", "Its learners join by invitation or organisation enrolment.");

    public static ProblemException ApplicationWindowClosed(DateTimeOffset opensAt, DateTimeOffset closesAt) =>
        ProblemException.Conflict("application-window-closed", "Applications are closed", $"Applications are accepted from {opensAt:u} to {closesAt:u}.");

    public static ProblemException DuplicateApplication() =>
        ProblemException.Conflict("duplicate-application", "Already applied", "You already have a live application to this cohort; withdraw it to apply again.");

    /// <summary>Staff deciding (or the applicant withdrawing: <paramref name="closed"/>) an application that is past that point.</summary>
    public static ProblemException ApplicationAlreadyDecided(ApplicationStatus status, bool closed = false) =>
        ProblemException.Conflict("application-already-decided", closed ? "Already closed" : "Already decided", $"This application is {status}.");

    public static ProblemException InvitationUsed() =>
        ProblemException.Conflict("invitation-used", "Invitation already used", "This invitation was already accepted.");

    public static ProblemException InvitationExpired() =>
        ProblemException.Conflict("invitation-expired", "Invitation expired", "Ask the cohort's staff for a new invitation.");

    public static ProblemException AlreadyInGroup() =>
        ProblemException.Conflict("already-in-group", "Already in a group", "A learner belongs to one group at most; take them out of their group first.");

    public static ProblemException AlreadyPartner() =>
        ProblemException.Conflict("already-partner", "Already named", "This organisation is already named on the cohort.");

    public static ProblemException PartnershipDecided(PartnershipStatus status) =>
        ProblemException.Conflict("partnership-decided", "Partnership already decided", $"This partnership is already {status}.");
}
