using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>A thread in a forum list: newest activity, counts and flags, what the caller has not read yet.</summary>
/// <param name="GroupId">The project group whose private space holds it; null for the cohort's forum.</param>
/// <param name="AudienceGroupIds">An announcement's groups; empty when it is addressed to the whole cohort (and for discussions).</param>
/// <param name="ReplyCount">Posts after the opening one, deleted ones left out (and hidden ones, for learners).</param>
/// <param name="UnreadCount">Posts by others the caller has not been shown yet.</param>
/// <param name="IsAnswered">A post is marked as the answer; <c>AnsweredByStaff</c> when staff wrote it.</param>
public sealed record ForumThreadSummaryResponse(
    Guid Id, Guid CohortId, Guid? GroupId, string Title, Guid AuthorId, string AuthorName, DateTimeOffset CreatedAt,
    DateTimeOffset LastPostAt, Guid? LastPostAuthorId, string? LastPostAuthorName, int ReplyCount, int UnreadCount,
    bool IsAnnouncement, IReadOnlyList<Guid> AudienceGroupIds, bool IsPinned, bool IsLocked, bool IsAnswered, bool AnsweredByStaff);

/// <summary>A thread as its page shows it, with what the caller may do there.</summary>
/// <param name="AnswerPostId">The post marked as the answer.</param>
/// <param name="CanReply">Not locked, and not an announcement for a learner.</param>
/// <param name="CanModerate">Staff: hide posts, lock and pin the thread.</param>
/// <param name="CanMarkAnswer">The thread's author or staff.</param>
/// <param name="Version">Its ETag: send it as If-Match to rename, pin or lock it, or mark the answer.</param>
public sealed record ForumThreadResponse(
    Guid Id, Guid CohortId, Guid? GroupId, string Title, Guid AuthorId, string AuthorName, DateTimeOffset CreatedAt, DateTimeOffset LastPostAt,
    bool IsAnnouncement, IReadOnlyList<Guid> AudienceGroupIds, bool IsPinned, bool IsLocked, Guid? AnswerPostId, bool AnsweredByStaff,
    bool CanReply, bool CanModerate, bool CanMarkAnswer, Guid Version) : IVersioned;

/// <summary>A post. Deleted: a tombstone without its text. Hidden: staff still read it; others see the reason only.</summary>
/// <param name="Number">1 for the opening post, then in the order posted.</param>
/// <param name="ByStaff">Written by the cohort's staff.</param>
/// <param name="ReplyToNumber">The number of the post it answers, in the same thread.</param>
/// <param name="Body">The Markdown as written (for editing); null when deleted, or hidden from the caller.</param>
/// <param name="BodyHtml">The sanitised HTML to show, mentions as <c>span.mention[data-user-id]</c>; null like <c>body</c>.</param>
/// <param name="EditedAt">Shown as "edited".</param>
/// <param name="IsAnswer">Marked as the thread's answer.</param>
/// <param name="Version">Its ETag: send it as If-Match to edit it.</param>
public sealed record ForumPostResponse(
    Guid Id, Guid ThreadId, int Number, Guid AuthorId, string AuthorName, bool ByStaff, Guid? ReplyToPostId, int? ReplyToNumber,
    string? Body, string? BodyHtml, IReadOnlyList<Guid> MentionedUserIds, IReadOnlyList<ForumAttachmentResponse> Attachments,
    DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, bool IsDeleted, bool IsHidden, string? HiddenReason, bool IsAnswer,
    IReadOnlyList<ForumReactionResponse> Reactions, Guid Version) : IVersioned
{
    internal static ForumPostResponse From(
        PostView p, Guid? answerPostId, ForumViewer viewer, IReadOnlyDictionary<Guid, string> names, int? replyToNumber, IReadOnlyList<ForumReactionResponse> reactions)
    {
        var shown = p.DeletedAt is null && (p.HiddenAt is null || viewer.IsStaff);
        return new ForumPostResponse(
            p.Id, p.ThreadId, p.Number, p.AuthorId, names.GetValueOrDefault(p.AuthorId, ""), p.ByStaff, p.ReplyToPostId, replyToNumber,
            shown ? p.Body : null, shown ? p.BodyHtml : null, shown ? p.MentionedUserIds : [],
            shown ? p.Attachments.Select(a => new ForumAttachmentResponse(a.FileId, a.FileName, a.ContentType, a.Size)).ToList() : [],
            p.CreatedAt, p.EditedAt, p.DeletedAt is not null, p.HiddenAt is not null, p.HiddenReason, answerPostId == p.Id, reactions, p.Version);
    }
}

/// <summary>
/// What a response shows of a post. Pages read it as a projection, not as <see cref="ForumPost"/>: materialising the
/// entity runs its initialisers, two random GUIDs (a system call each) per post that EF then overwrites
/// (docs/performance.md).
/// </summary>
internal sealed record PostView(
    Guid Id, Guid ThreadId, int Number, Guid AuthorId, bool ByStaff, Guid? ReplyToPostId, string Body, string BodyHtml,
    List<Guid> MentionedUserIds, List<PostAttachment> Attachments, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
    DateTimeOffset? DeletedAt, DateTimeOffset? HiddenAt, string? HiddenReason, Guid Version)
{
    public static PostView Of(ForumPost p) => new(
        p.Id, p.ThreadId, p.Number, p.AuthorId, p.ByStaff, p.ReplyToPostId, p.Body, p.BodyHtml, p.MentionedUserIds, p.Attachments,
        p.CreatedAt, p.EditedAt, p.DeletedAt, p.HiddenAt, p.HiddenReason, p.Version);
}

/// <summary>
/// What access checks and responses use of a thread, its audience as group ids. The thread page reads it as a projection,
/// for the same reason as <see cref="PostView"/>.
/// </summary>
internal sealed record ThreadView(
    Guid Id, Guid CohortId, Guid? GroupId, string Title, Guid AuthorId, DateTimeOffset CreatedAt, DateTimeOffset LastPostAt, int PostCount,
    bool IsAnnouncement, List<Guid> Audience, bool IsPinned, bool IsLocked, Guid? AnswerPostId, bool AnsweredByStaff, Guid Version)
{
    public static ThreadView Of(ForumThread t) => new(
        t.Id, t.CohortId, t.GroupId, t.Title, t.AuthorId, t.CreatedAt, t.LastPostAt, t.PostCount, t.IsAnnouncement,
        [.. t.Audience.Select(a => a.GroupId)], t.IsPinned, t.IsLocked, t.AnswerPostId, t.AnsweredByStaff, t.Version);
}

/// <summary>A file attached to a post: download it from <c>/posts/{postId}/files/{fileId}</c>.</summary>
public sealed record ForumAttachmentResponse(Guid FileId, string FileName, string ContentType, long Size);

/// <summary>How many reacted to a post with this emoji, and whether the caller did.</summary>
public sealed record ForumReactionResponse(string Emoji, int Count, bool Mine);

internal static class ForumThreadResponses
{
    public static ForumThreadResponse ToResponse(this ForumThread t, ForumViewer viewer, IReadOnlyDictionary<Guid, string> names) =>
        ThreadView.Of(t).ToResponse(viewer, names);

    public static ForumThreadResponse ToResponse(this ThreadView t, ForumViewer viewer, IReadOnlyDictionary<Guid, string> names) => new(
        t.Id, t.CohortId, t.GroupId, t.Title, t.AuthorId, names.GetValueOrDefault(t.AuthorId, ""), t.CreatedAt, t.LastPostAt,
        t.IsAnnouncement, t.Audience, t.IsPinned, t.IsLocked, t.AnswerPostId, t.AnsweredByStaff,
        !t.IsLocked && viewer.CanReplyTo(t), viewer.IsStaff, viewer.IsStaff || t.AuthorId == viewer.UserId, t.Version);
}
