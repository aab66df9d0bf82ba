using Mediator;
using Spoc.SharedKernel.Messaging;

namespace Spoc.Modules.Cohorts.Contracts;

/// <summary>How learners get a seat: they apply and are selected, they are invited, or their organisation enrols them.</summary>
public enum AdmissionMode
{
    Application,
    InviteOnly,
    OrganizationEnrollment,
}

/// <summary>Submitted → Admitted | Rejected | Waitlisted | Withdrawn; Waitlisted → Admitted (decision or promotion) | Rejected | Withdrawn.</summary>
public enum ApplicationStatus
{
    Submitted,
    Admitted,
    Rejected,
    Waitlisted,
    Withdrawn,
}

public enum EnrollmentSource
{
    Application,
    Waitlist,
    Invitation,
    OrganizationEnrollment,
}

/// <summary>A learner took a seat in a cohort at <c>At</c> (subscribers compare it to order enrolments and withdrawals: retries may reorder deliveries).</summary>
public sealed record LearnerEnrolled(Guid CohortId, Guid OrganizationId, Guid UserId, EnrollmentSource Source, DateTimeOffset At) : IntegrationEvent;

/// <summary>A learner left a cohort (withdrew or was removed) at <c>At</c>; their seat is free.</summary>
public sealed record LearnerWithdrew(Guid CohortId, Guid UserId, DateTimeOffset At) : IntegrationEvent;

/// <summary>A learner's mentor changed (<c>MentorId</c> null: unassigned).</summary>
public sealed record MentorAssigned(Guid CohortId, Guid LearnerId, Guid? MentorId) : IntegrationEvent;

/// <summary>A project group was created, renamed, or its members changed (<c>MemberIds</c>: all of them now).</summary>
/// <remarks>No subscriber yet: Community's group forums (issue 12) will handle it, and <see cref="GroupDeleted"/>.</remarks>
public sealed record GroupChanged(Guid CohortId, Guid GroupId, string Name, IReadOnlyList<Guid> MemberIds) : IntegrationEvent;

/// <summary>A project group was dissolved; its former members are ungrouped (no <see cref="GroupChanged"/> follows).</summary>
public sealed record GroupDeleted(Guid CohortId, Guid GroupId) : IntegrationEvent;

/// <summary>Staff decided on an application (or the waitlist promoted it): the applicant is told.</summary>
public sealed record ApplicationDecided(Guid CohortId, string CohortTitle, Guid ApplicationId, Guid ApplicantId, ApplicationStatus Status, string? Note) : IntegrationEvent;

/// <param name="GroupId">The project group they are in there, if any (Community's calendar shows them their group's sessions).</param>
/// <param name="CourseId">The cohort's course (the follow-up's "mon suivi" asks Courses for the next activities of it).</param>
public sealed record CohortMembership(Guid CohortId, string Title, Guid OrganizationId, CohortRole Role, DateOnly StartsOn, DateOnly EndsOn, string TimeZone, Guid? GroupId = null, Guid? CourseId = null);

/// <summary>The cohorts a user belongs to, with their role in each.</summary>
public sealed record GetCohortMembershipsOfUser(Guid UserId) : IQuery<IReadOnlyList<CohortMembership>>;

public sealed record Mentee(Guid CohortId, Guid LearnerId);

/// <summary>The learners assigned to this mentor, in every cohort where they mentor: one query, whatever the number of cohorts.</summary>
public sealed record GetMenteesOf(Guid MentorId) : IQuery<IReadOnlyList<Mentee>>;

/// <summary>
/// Where a user stands in a cohort, for cohort-scoped routes of other modules: their role, what they may do, and the
/// learners they mentor (so a mentor's reach is decided without another query per learner), and their project group
/// (Community's group spaces, without another query).
/// </summary>
public sealed record CohortAccessInfo(
    Guid CohortId, Guid CourseId, Guid OrganizationId, CohortRole? Role, IReadOnlySet<CohortCapability> Capabilities,
    IReadOnlySet<Guid> MentoredLearnerIds, DateOnly StartsOn, DateOnly EndsOn, string TimeZone, Guid? GroupId = null)
{
    /// <summary>Members and staff see a cohort's inside (schedule, progress); applicants and strangers do not.</summary>
    public bool IsInside => Can(CohortCapability.ViewInside);

    public bool Can(CohortCapability capability) => Capabilities.Contains(capability);

    /// <summary>May act on this learner's pacing, schedule, progress: staff on anyone, a mentor on their own learners.</summary>
    public bool CanActOn(Guid learnerId) =>
        Can(CohortCapability.ActOnAllLearners) || (Can(CohortCapability.ActOnOwnMentees) && MentoredLearnerIds.Contains(learnerId));
}

/// <summary>A course as Cohorts needs to know it: which organisation owns it (and so runs its cohorts).</summary>
/// <param name="Language">The course's language tag (<c>fr</c>, <c>en-GB</c>): its cohorts' locale (Assessment's CSV export).</param>
public sealed record CourseSummary(Guid Id, Guid OrganizationId, string Title, string Language);

/// <summary>
/// Cohorts asks it, Courses answers it (docs/adr/0013): does this course exist, in which organisation, under which title;
/// <c>null</c> when it does not exist. Declared here so that Cohorts never references Courses.
/// </summary>
public sealed record GetCourse(Guid CourseId) : IQuery<CourseSummary?>;

/// <summary>Cohorts asks it, Courses answers it (docs/adr/0013): the courses of one organisation, by title.</summary>
public sealed record GetCoursesOfOrganization(Guid OrganizationId) : IQuery<IReadOnlyList<CourseSummary>>;

/// <summary><c>null</c> when the cohort does not exist or the user may not see it at all (answer 404).</summary>
public sealed record GetCohortAccess(Guid CohortId, Guid UserId) : IQuery<CohortAccessInfo?>;

/// <summary>A project group and its learners now.</summary>
public sealed record ProjectGroupMembers(Guid GroupId, string Name, IReadOnlyList<Guid> LearnerIds);

/// <summary>The project group a learner belongs to in a cohort, with all its learners; <c>null</c> when they are in none.</summary>
public sealed record GetProjectGroupOf(Guid CohortId, Guid LearnerId) : IQuery<ProjectGroupMembers?>;

/// <summary>
/// One page of a cohort's learners, in the roster's order (by enrolment); <c>MentorId</c> keeps only that mentor's learners.
/// A constant number of queries whatever the cohort's size (Assessment's competency heat map pages over them).
/// </summary>
public sealed record GetCohortLearnerPage(Guid CohortId, Guid? MentorId, int Page, int PageSize) : IQuery<Spoc.SharedKernel.Paging.PagedResult<Guid>>;

/// <summary>A cohort's current learners (withdrawn ones are no longer members), with what reading their due dates takes.</summary>
public sealed record CohortRoster(Guid CohortId, Guid CourseId, string TimeZone, IReadOnlyList<Guid> LearnerIds);

/// <summary>
/// Assessment asks it (gradebook, contracts): the cohort's learners, in one query whatever their number; <c>null</c> for an
/// unknown cohort. With <paramref name="LearnerId"/>, the roster holds that learner alone, or nobody when they are not a
/// current learner: what a handler of one learner's event asks, without reading every member of a large cohort.
/// </summary>
public sealed record GetCohortLearners(Guid CohortId, Guid? LearnerId = null) : IQuery<CohortRoster?>;

/// <summary>A member of a cohort (trainer, mentor or learner) and the project group they are in, if any.</summary>
public sealed record CohortPerson(Guid UserId, CohortRole Role, Guid? GroupId);

/// <summary>Every member of a cohort and the ids of its project groups (empty groups included).</summary>
public sealed record CohortPeople(IReadOnlyList<CohortPerson> Members, IReadOnlyList<Guid> GroupIds);

/// <summary>
/// Community asks it (who may be @mentioned in a thread, who an announcement reaches, whether a group exists): two queries
/// whatever the cohort's size; empty for an unknown cohort.
/// </summary>
public sealed record GetCohortPeople(Guid CohortId) : IQuery<CohortPeople>;

/// <summary>A learner's follow-up in a cohort: their mentor (null when none) and the cohort's trainers.</summary>
public sealed record FollowUpStaff(Guid? MentorId, IReadOnlyList<Guid> TrainerIds);

/// <summary>Community asks it (private conversations): who follows this learner up, in one query; <c>null</c> when they are not a learner of the cohort.</summary>
public sealed record GetFollowUpStaff(Guid CohortId, Guid LearnerId) : IQuery<FollowUpStaff?>;

/// <summary>
/// FollowUp asks it (an organisation's skills across cohorts): the titles of those of these cohorts that the organisation
/// runs or joined as an accepted partner (a person who belongs to two organisations learns in the other's cohorts too:
/// those stay the other's business), in one query.
/// </summary>
public sealed record GetCohortTitles(IReadOnlyCollection<Guid> CohortIds, Guid OrganizationId) : IQuery<IReadOnlyDictionary<Guid, string>>;

/// <summary>What a certificate copies of its cohort (issue 14).</summary>
/// <param name="OrganizationId">The owning organisation: it issues the certificates.</param>
/// <param name="PartnerOrganizationIds">The partner organisations that accepted, the owner excluded.</param>
public sealed record CohortCertificationFacts(Guid CohortId, string Title, Guid CourseId, Guid OrganizationId, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<Guid> PartnerOrganizationIds);

/// <summary>Certification asks it when it issues certificates: the cohort's title, dates and organisations, in one query; <c>null</c> for an unknown cohort.</summary>
public sealed record GetCohortCertificationFacts(Guid CohortId) : IQuery<CohortCertificationFacts?>;

/// <summary>A competency as a course's public page names it.</summary>
public sealed record PresentedCompetency(string Code, string Title);

/// <summary>A course as its cohorts' public page presents it (issue 16).</summary>
/// <param name="SummaryHtml">The course's Markdown summary rendered and sanitized; empty when it has none.</param>
public sealed record CoursePresentation(string Title, string SummaryHtml, IReadOnlyList<PresentedCompetency> Competencies);

/// <summary>
/// Cohorts asks it, Courses answers it (docs/adr/0013), for the public page of an open cohort: the course's title, summary
/// and competencies in one query; <c>null</c> when it does not exist. Declared here so that Cohorts never references Courses.
/// </summary>
public sealed record GetCoursePresentation(Guid CourseId) : IQuery<CoursePresentation?>;
