namespace Spoc.Modules.Cohorts.Contracts;

/// <summary>
/// What a caller may do in a cohort (docs/capabilities.md). Cohorts derives them from one table
/// (<c>Domain/CohortCapabilities.cs</c>); other modules and the web app read them, never re-derive them from roles.
/// </summary>
public enum CohortCapability
{
    /// <summary>Schedule, own progress, groups, the roster's names: the cohort's inside.</summary>
    ViewInside,

    /// <summary>Activities before their release, and unpublished course content.</summary>
    PreviewContent,

    /// <summary>Title, dates, window, time zone, capacity.</summary>
    ManageSettings,

    /// <summary>Add and remove trainers and mentors; remove learners.</summary>
    ManageStaff,

    /// <summary>Add or enrol any learner of the cohort's organisations.</summary>
    EnrolLearners,

    /// <summary>A partner organisation's admin: enrol that organisation's own people, nobody else.</summary>
    EnrolOwnPeople,

    /// <summary>Read and decide applications.</summary>
    DecideApplications,

    /// <summary>Invite into an InviteOnly cohort and follow the invitations.</summary>
    ManageInvitations,

    /// <summary>Create, rename, fill and dissolve groups; split learners into groups.</summary>
    ManageGroups,

    /// <summary>Create and edit the cohort's assignments, see them as drafts and before their release.</summary>
    ManageAssignments,

    /// <summary>Every learner's pacing, personal schedule, progress row, email and mentor.</summary>
    ActOnAllLearners,

    /// <summary>The same, for the learners assigned to the caller as their mentor only.</summary>
    ActOnOwnMentees,

    /// <summary>Mark activities done: a learner of the cohort.</summary>
    Learn,
}

/// <summary>An organisation named as a partner of a cohort consents before its people can join through it.</summary>
public enum PartnershipStatus
{
    Accepted,
    Pending,
    Declined,
}
