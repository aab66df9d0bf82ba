using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Community.Domain;

/// <summary>
/// A message in a thread: Markdown as written (<see cref="Body"/>, for editing) and its sanitised HTML with the mentions
/// rendered (<see cref="BodyHtml"/>). Deleting it leaves a tombstone in its place (docs/adr/0023): replies keep their
/// context and pages do not shift under readers.
/// </summary>
internal sealed class ForumPost : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ThreadId { get; init; }
    public Guid CohortId { get; init; }

    /// <summary>1 for the opening post, then in the order posted.</summary>
    public int Number { get; init; }

    public Guid AuthorId { get; init; }

    /// <summary>The author was staff of the cohort when posting: their answers are flagged as staff answers.</summary>
    public bool ByStaff { get; init; }

    public Guid? ReplyToPostId { get; init; }
    public required string Body { get; set; }
    public required string BodyHtml { get; set; }
    public List<Guid> MentionedUserIds { get; set; } = [];
    public List<PostAttachment> Attachments { get; set; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? EditedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Hidden by staff: learners see that it was, and why, not what it said.</summary>
    public DateTimeOffset? HiddenAt { get; set; }

    public string? HiddenReason { get; set; }
    public Guid? HiddenById { get; set; }

    /// <summary>Changes with every edit, hiding or deletion: the ETag an edit is conditional on.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Erases what it said, keeps its place.</summary>
    public void Delete(DateTimeOffset now)
    {
        DeletedAt = now;
        Body = "";
        BodyHtml = "";
        MentionedUserIds = [];
        Attachments = [];
    }
}

/// <summary>A file the author uploaded with POST /files, described when attached so that reading a thread needs no lookup.</summary>
internal sealed record PostAttachment(Guid FileId, string FileName, string ContentType, long Size);

/// <summary>One person's reaction to a post: one row per (post, person, emoji), so counting them never loses one.</summary>
internal sealed class PostReaction
{
    public Guid PostId { get; init; }
    public Guid UserId { get; init; }
    public required string Emoji { get; init; }
}

/// <summary>How far one person has read a thread: the number of the last post they were shown; it only moves forward.</summary>
internal sealed class ThreadReadMarker
{
    public Guid ThreadId { get; init; }
    public Guid UserId { get; init; }
    public int LastReadNumber { get; set; }
}
