namespace Spoc.Modules.Community.Domain;

/// <summary>
/// A learner's private thread with their follow-up staff in a cohort (their mentor and the cohort's trainers): one per
/// learner and cohort (docs/adr/0024).
/// </summary>
internal sealed class Conversation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CohortId { get; init; }
    public Guid LearnerId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastMessageAt { get; set; }
}

internal sealed class ConversationMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConversationId { get; init; }
    public Guid AuthorId { get; init; }
    public string Body { get; init; } = "";
    public string BodyHtml { get; init; } = "";
    public DateTimeOffset SentAt { get; init; }
}

/// <summary>How far one participant has read a conversation: what came after, from the others, is unread.</summary>
internal sealed class ConversationReader
{
    public Guid ConversationId { get; init; }
    public Guid UserId { get; init; }
    public DateTimeOffset ReadUpTo { get; set; }
}
