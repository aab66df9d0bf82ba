using Mediator;
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

/// <summary>A learner's attendance at a session, as just recorded.</summary>
public sealed record AttendanceMark(Guid UserId, AttendanceStatus Status);

/// <summary>
/// Attendance at a session was recorded: by staff on the sheet (only the learners whose status changed) or by a learner's
/// check-in. <c>At</c> orders corrections of the same learner's attendance at the same session.
/// </summary>
public sealed record AttendanceRecorded(Guid CohortId, Guid SessionId, IReadOnlyList<AttendanceMark> Marks, DateTimeOffset At) : IntegrationEvent;

/// <summary>A message was written in a learner's private conversation with their follow-up staff.</summary>
/// <param name="ByStaff">Written by staff (a trainer or their mentor); false when the learner wrote it.</param>
public sealed record ConversationMessageSent(
    Guid CohortId, Guid LearnerId, Guid ConversationId, Guid MessageId, Guid AuthorId, bool ByStaff, DateTimeOffset At) : IntegrationEvent;

/// <summary>
/// The follow-up asks it after a commit that changed learners' risk levels: the hub tells these people (the learners'
/// mentors and the cohort's trainers) <c>followUpChanged</c> with the cohort's id only, so that their dashboard refetches
/// (ADR 0026). Best effort: a failed push is logged, the next dashboard read is right anyway.
/// </summary>
public sealed record PushFollowUpChanged(Guid CohortId, IReadOnlyList<Guid> UserIds) : ICommand;
