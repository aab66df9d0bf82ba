using Mediator;
using Spoc.SharedKernel.Messaging;

namespace Spoc.Modules.Assessment.Contracts;

/// <summary>A learner handed in an attempt at an assignment (a quiz is already scored).</summary>
public sealed record SubmissionReceived(Guid CohortId, Guid AssignmentId, Guid SubmissionId, Guid AuthorId, int Attempt, bool IsLate, DateTimeOffset At) : IntegrationEvent;

/// <summary>Staff released a grade: its learner now sees the score and the feedback.</summary>
/// <param name="MaxPoints">The assignment's maximum: <c>Score / MaxPoints</c> is the grade as a share (the follow-up's percentages).</param>
public sealed record GradeReleased(Guid CohortId, Guid AssignmentId, Guid SubmissionId, Guid LearnerId, decimal Score, decimal MaxPoints, DateTimeOffset At) : IntegrationEvent;

/// <summary>Staff sent a submission back for revision: its learner may hand in a new attempt.</summary>
public sealed record RevisionRequested(Guid CohortId, Guid AssignmentId, Guid SubmissionId, Guid LearnerId, DateTimeOffset At) : IntegrationEvent;

/// <summary>Where a learner stands on an assignment in the gradebook.</summary>
public enum GradebookCellStatus
{
    /// <summary>A grade is released: it counts.</summary>
    Released,

    /// <summary>Handed in, no grade released yet (a draft, or returned for revision): it does not count yet.</summary>
    Pending,

    /// <summary>Nothing handed in and the learner's own due date has passed: 0 when the policy counts missing work, else nothing.</summary>
    Missing,

    /// <summary>Nothing handed in, not due yet: it does not count.</summary>
    Upcoming,
}

/// <summary>A learner's current grade in a cohort, under its gradebook policy, from released grades only.</summary>
/// <param name="Grade">Weighted grade in percent (2 decimals); null when nothing counts yet.</param>
/// <param name="Passed">Whether <c>Grade</c> reaches the policy's pass mark; null with no grade.</param>
public sealed record FinalGrade(Guid LearnerId, decimal? Grade, bool? Passed);

/// <summary>Certification asks it (issue 13): every current learner's grade in the cohort; empty for an unknown cohort. A constant number of queries.</summary>
public sealed record GetFinalGrades(Guid CohortId) : IQuery<IReadOnlyList<FinalGrade>>;

/// <summary>One assignment in a learner's results.</summary>
/// <param name="Score">The points earned (after any late penalty; 0 for missing work the policy counts); null when none. They count unless dropped or in a category the policy does not list.</param>
/// <param name="Dropped">Dropped as one of the learner's lowest in its category.</param>
public sealed record AssignmentResult(Guid AssignmentId, string Title, string Category, decimal MaxPoints, DateTimeOffset DueAt, decimal? Score, GradebookCellStatus Status, bool Dropped);

/// <summary>A learner's results in a cohort: their grade and where they stand on each published assignment, by due date.</summary>
public sealed record LearnerResults(Guid CohortId, Guid LearnerId, decimal? Grade, bool? Passed, IReadOnlyList<AssignmentResult> Assignments);

/// <summary>Follow-up and certification ask it (issues 13, 15): one learner's results; null when they are not a learner of the cohort. A constant number of queries.</summary>
public sealed record GetLearnerResults(Guid CohortId, Guid LearnerId) : IQuery<LearnerResults?>;

/// <summary>Notifications and follow-up ask it (issues 12, 15): the cohort's learners who have handed nothing in for this assignment; empty for an unknown one. A constant number of queries.</summary>
public sealed record GetLearnersWithoutSubmission(Guid AssignmentId) : IQuery<IReadOnlyList<Guid>>;

/// <summary>An assignment's due date in a cohort: the cohort's, or one learner's own (their pacing shift applied).</summary>
/// <param name="CreatedAt">When the assignment was created (an assignment keeps no later change time).</param>
public sealed record AssignmentDueDate(Guid AssignmentId, Guid CohortId, string Title, DateTimeOffset DueAt, DateTimeOffset CreatedAt);

/// <summary>
/// Community's calendar asks it (issue 13): the released assignments of every cohort where the user is a learner, each at
/// the user's own due date. A constant number of queries whatever the numbers of cohorts and assignments.
/// </summary>
/// <param name="LearnerCohorts">
/// The cohorts where the user is a learner, when the caller has already asked Cohorts for them (an agenda has): one
/// statement fewer. Null asks Cohorts.
/// </param>
/// <param name="Within">Only the due dates that fall in <c>[from, to)</c> once shifted (an agenda's range); null: all of them.</param>
public sealed record GetDueDatesOfUser(Guid UserId, IReadOnlyList<LearnerCohortZone>? LearnerCohorts = null, (DateTimeOffset From, DateTimeOffset To)? Within = null)
    : IQuery<IReadOnlyList<AssignmentDueDate>>;

/// <summary>A cohort where a user learns, and the time zone its due dates fall in.</summary>
public sealed record LearnerCohortZone(Guid CohortId, string TimeZone);

/// <summary>Community's staff calendar asks it (issue 13): the cohort's published assignments at the cohort's due date. One query.</summary>
public sealed record GetDueDatesOfCohort(Guid CohortId) : IQuery<IReadOnlyList<AssignmentDueDate>>;

/// <summary>The assignments a learner passed in a cohort.</summary>
public sealed record PassedAssignments(Guid LearnerId, IReadOnlyList<Guid> AssignmentIds);

/// <summary>
/// Certification asks it (required assignments): for every current learner, the assignments they passed. Passed: the released
/// grade of their latest graded attempt, in points after any late penalty (as the gradebook counts it), reaches the
/// gradebook policy's pass mark in percent of the assignment's maximum (an assignment has no threshold of its own). Only
/// published, released assignments count. Empty for an unknown cohort. A constant number of queries.
/// </summary>
public sealed record GetPassedAssignments(Guid CohortId) : IQuery<IReadOnlyList<PassedAssignments>>;

/// <summary>A learner's latest mastery of each competency with evidence, by the code the course names it.</summary>
/// <param name="Latest">Code → latest mastery in percent (as GET /cohorts/{cohortId}/members/{userId}/competencies computes it).</param>
/// <param name="FirstMasteredAt">
/// Asked with <c>FirstMastered</c>: code → when the work that first brought the mastery to the threshold was handed in
/// (absent: never reached); FollowUp dates acquisitions from it, whatever the order it hears of the grades.
/// </param>
public sealed record LearnerMastery(Guid LearnerId, IReadOnlyDictionary<string, decimal> Latest, IReadOnlyDictionary<string, DateTimeOffset>? FirstMasteredAt = null);

/// <summary>Every current learner's mastery in a cohort, and the threshold from which a competency counts as mastered.</summary>
/// <param name="Threshold">The gradebook policy's pass mark (percent): a competency is mastered when its latest mastery reaches it.</param>
public sealed record CohortMastery(decimal Threshold, IReadOnlyList<LearnerMastery> Learners);

/// <summary>
/// Certification asks it (required competencies), FollowUp too (skills): the cohort's learners' latest mastery (only
/// <c>LearnerId</c>'s when given, and none when that is not a current learner: the threshold alone), with when each
/// competency was first mastered when <c>FirstMastered</c> (every released grade is read then, not only the latest);
/// empty for an unknown cohort. A constant number of queries.
/// </summary>
public sealed record GetCohortMastery(Guid CohortId, Guid? LearnerId = null, bool FirstMastered = false) : IQuery<CohortMastery>;

/// <summary>A learner's missed work in a cohort: published assignments past their own due date with nothing handed in (the gradebook's <c>Missing</c>).</summary>
public sealed record LearnerMissedWork(Guid LearnerId, int Missed);

/// <summary>
/// The follow-up asks it (issue 15): every current learner's missed work in the cohort, or only <c>LearnerId</c>'s when
/// given (nobody when they are not a current learner); empty for an unknown cohort. A constant number of queries.
/// </summary>
public sealed record GetMissedWork(Guid CohortId, Guid? LearnerId = null) : IQuery<IReadOnlyList<LearnerMissedWork>>;
