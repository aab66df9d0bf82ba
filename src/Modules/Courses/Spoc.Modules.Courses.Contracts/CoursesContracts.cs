using Mediator;

namespace Spoc.Modules.Courses.Contracts;

/// <summary>Staff changed a learner's personal pacing (due-date shifts, extra resources) in a cohort.</summary>
public sealed record PacingChanged(Guid CohortId, Guid UserId) : Spoc.SharedKernel.Messaging.IntegrationEvent;

/// <summary>A learner marked an activity of the cohort's course done (once: marking it again publishes nothing).</summary>
public sealed record ActivityCompleted(Guid CohortId, Guid UserId, Guid ActivityId, DateTimeOffset At) : Spoc.SharedKernel.Messaging.IntegrationEvent;

public sealed record ActivityCompletion(Guid UserId, Guid ActivityId, DateTimeOffset CompletedAt);

/// <summary>Who in a cohort completed which of these activities (e.g. the preparation of a live session).</summary>
public sealed record GetCompletions(Guid CohortId, IReadOnlyCollection<Guid> ActivityIds) : IQuery<IReadOnlyList<ActivityCompletion>>;

/// <summary>Which of these activities one user completed, in which of these cohorts (their agenda's preparations): one indexed query.</summary>
public sealed record GetCompletionsOfUser(Guid UserId, IReadOnlyCollection<Guid> CohortIds, IReadOnlyCollection<Guid> ActivityIds) : IQuery<IReadOnlyList<CohortActivity>>;

public sealed record CohortActivity(Guid CohortId, Guid ActivityId);

/// <summary>
/// Assessment asks it: each learner's personal due-date shift in a cohort, in days (negative: earlier), for work that is not
/// one course activity (an assignment): the shift their mentor or trainer set for all activities. Learners without one are
/// absent (0). One query, whatever the number of learners.
/// </summary>
public sealed record GetDueDateShifts(Guid CohortId, IReadOnlyCollection<Guid> UserIds) : IQuery<IReadOnlyDictionary<Guid, int>>;

/// <summary>A course competency: its code (unique in the course, compared case-insensitively) and title.</summary>
public sealed record CourseCompetency(string Code, string Title);

/// <summary>Assessment asks it: a course's competencies, by code (rubric criteria are tied to them); empty for an unknown course.</summary>
public sealed record GetCourseCompetencies(Guid CourseId) : IQuery<IReadOnlyList<CourseCompetency>>;

/// <summary>Assessment asks it: one learner's due-date shift (days) in each of these cohorts; cohorts without one are absent (0). One query.</summary>
public sealed record GetDueDateShiftsOfUser(Guid UserId, IReadOnlyCollection<Guid> CohortIds) : IQuery<IReadOnlyDictionary<Guid, int>>;

/// <summary>A course activity as another module names it.</summary>
/// <param name="Done">Whether the learner the query named has completed it in their cohort; null when it named none.</param>
public sealed record ActivitySummary(Guid Id, string Title, ActivityKind Kind, bool? Done = null);

/// <summary>
/// Community asks it (a live session's preparation): those of these activities that belong to this course, in the course's
/// order; an id of another course or of nothing is absent; <c>null</c> ids: all of the course's (the demo data). With
/// <paramref name="DoneBy"/>, each says whether that learner has completed it in that cohort (their checklist). One query.
/// </summary>
public sealed record GetActivitySummaries(Guid CourseId, IReadOnlyCollection<Guid>? ActivityIds, LearnerInCohort? DoneBy = null) : IQuery<IReadOnlyList<ActivitySummary>>;

/// <summary>One learner in one cohort.</summary>
public sealed record LearnerInCohort(Guid CohortId, Guid UserId);

/// <summary>A course activity and the codes of the competencies it works on (as the course writes them).</summary>
public sealed record CompetencyActivity(Guid ActivityId, IReadOnlyList<string> CompetencyCodes);

/// <summary>Every activity of the course with its competencies, and the completions of them in the cohort.</summary>
public sealed record CompetencyCompletions(IReadOnlyList<CompetencyActivity> Activities, IReadOnlyList<ActivityCompletion> Completions);

/// <summary>
/// FollowUp asks it (skills analytics): the course's activities with their competency codes and who in the cohort completed
/// them, when (only <c>UserId</c>'s when given). Two queries whatever the numbers of learners and activities.
/// </summary>
public sealed record GetCompetencyCompletions(Guid CohortId, Guid CourseId, Guid? UserId = null) : IQuery<CompetencyCompletions>;

/// <summary>A learner's completion of a course in a cohort: activities done over the course's activities.</summary>
/// <param name="Percent">0 to 100, rounded as the progress matrix rounds it (GET /cohorts/{cohortId}/progress).</param>
public sealed record LearnerCompletionRate(Guid UserId, int Done, int Total, int Percent);

/// <summary>
/// Certification asks it (minimum completion): each learner of the cohort who completed at least one of the course's
/// activities, with their percentage; the others are absent (0). Two queries whatever the numbers of learners and activities.
/// </summary>
public sealed record GetCompletionRates(Guid CohortId, Guid CourseId) : IQuery<IReadOnlyList<LearnerCompletionRate>>;

/// <summary>Where a learner stands against their own schedule (their pacing applied, as GET /cohorts/{cohortId}/schedule?userId= computes it).</summary>
/// <param name="Done">Activities of the course they marked done.</param>
/// <param name="DueByNow">Activities whose due date, shifted by their pacing, has passed: <c>DueByNow - Done</c> is how far behind they are.</param>
/// <param name="Total">The course's activities.</param>
public sealed record ScheduleStanding(Guid LearnerId, int Done, int DueByNow, int Total);

/// <summary>
/// The follow-up asks it (issue 15): every current learner's standing in the cohort, or only <c>LearnerId</c>'s when given
/// (nobody when they are not a current learner); empty for an unknown cohort. A constant number of queries.
/// </summary>
public sealed record GetScheduleStandings(Guid CohortId, Guid? LearnerId = null) : IQuery<IReadOnlyList<ScheduleStanding>>;

/// <summary>
/// The follow-up asks it (issue 15): a learner's due dates move later by <paramref name="Days"/>, for every activity (and so
/// every assignment, docs/adr/0036), as an extension granted by a follow-up action. Idempotent on <paramref name="ActionId"/>:
/// sent again, it changes nothing. Publishes <see cref="PacingChanged"/> in the same commit, as PUT pacing does.
/// </summary>
public sealed record ExtendDueDates(Guid CohortId, Guid LearnerId, int Days, Guid ActorId, Guid ActionId) : ICommand;

/// <summary>The follow-up asks it when an extension's action is cancelled: the extension <paramref name="ActionId"/> granted is taken back (nothing when there is none).</summary>
public sealed record WithdrawDueDateExtension(Guid CohortId, Guid LearnerId, Guid ActionId) : ICommand;

/// <summary>An activity a learner has still to do in a cohort, at their own dates.</summary>
public sealed record NextActivity(Guid CohortId, Guid ActivityId, string Title, ActivityKind Kind, DateTimeOffset ReleaseAt, DateTimeOffset? DueAt);

/// <summary>
/// The follow-up asks it ("mon suivi"): in each of these cohorts (where the user is a learner), the first
/// <paramref name="PerCohort"/> activities of the published course they have not done, in course order, at their own dates.
/// A constant number of queries whatever the numbers of cohorts and activities.
/// </summary>
public sealed record GetNextActivities(Guid UserId, IReadOnlyList<LearnerCohort> Cohorts, int PerCohort) : IQuery<IReadOnlyList<NextActivity>>;

/// <summary>A cohort as <see cref="GetNextActivities"/> needs it: its course, first day and time zone.</summary>
public sealed record LearnerCohort(Guid CohortId, Guid CourseId, DateOnly StartsOn, string TimeZone);

/// <summary>The follow-up asks it ("mon suivi"): the competencies of each of these courses, by code; unknown courses are absent. One query.</summary>
public sealed record GetCompetenciesOfCourses(IReadOnlyCollection<Guid> CourseIds) : IQuery<IReadOnlyDictionary<Guid, IReadOnlyList<CourseCompetency>>>;
