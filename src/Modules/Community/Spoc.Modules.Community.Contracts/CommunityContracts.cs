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
