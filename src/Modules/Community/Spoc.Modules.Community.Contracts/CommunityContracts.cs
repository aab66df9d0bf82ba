using Spoc.SharedKernel.Messaging;

namespace Spoc.Modules.Community.Contracts;

/// <summary>A member posted in a forum thread (a new thread's first post included); the post is committed and readable.</summary>
/// <param name="GroupId">The project group whose private space holds the thread; null for the cohort's forum.</param>
/// <param name="RepliedToUserId">The author of the post this one replies to (or of the thread); null when that is the author themself.</param>
/// <param name="MentionedUserIds">Cohort members named with @, who may read the thread, the author excluded.</param>
public sealed record ForumPostPublished(
    Guid CohortId, Guid? GroupId, Guid ThreadId, string ThreadTitle, Guid PostId, Guid AuthorId,
    Guid? RepliedToUserId, IReadOnlyList<Guid> MentionedUserIds, DateTimeOffset At) : IntegrationEvent;

/// <summary>Staff posted an announcement to the whole cohort or to chosen groups.</summary>
/// <param name="RecipientIds">Everyone it is addressed to when it is posted (learners of the cohort or of the chosen groups), the author excluded.</param>
public sealed record AnnouncementPublished(
    Guid CohortId, Guid ThreadId, string Title, Guid AuthorId, IReadOnlyList<Guid> RecipientIds, DateTimeOffset At) : IntegrationEvent;

/// <summary>A learner's attendance in a cohort: their recorded statuses at its sessions not cancelled.</summary>
/// <param name="Rate">(Present + Late) / (Present + Late + Absent) in percent, two decimals; Excused leaves a session out; null when nothing counts (docs/adr/0028).</param>
public sealed record LearnerAttendanceRate(Guid UserId, int Present, int Late, int Absent, int Excused, decimal? Rate);

/// <summary>
/// Certification asks it (minimum attendance): each learner of the cohort with a recorded attendance, and their rate;
/// learners with none recorded are absent from the list. One query, whatever the number of learners and sessions.
/// </summary>
public sealed record GetAttendanceRates(Guid CohortId) : Mediator.IQuery<IReadOnlyList<LearnerAttendanceRate>>;
