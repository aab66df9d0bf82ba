namespace Spoc.Modules.FollowUp.Domain;

/// <summary>A private note of the follow-up journal: written by staff about one learner, read by the cohort's staff (a mentor: their own learners), never by the learner.</summary>
internal sealed class JournalNote
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CohortId { get; init; }
    public Guid LearnerId { get; init; }
    public Guid AuthorId { get; init; }

    /// <summary>Markdown as written; <see cref="BodyHtml"/> is it rendered and sanitized.</summary>
    public string Body { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? EditedAt { get; set; }
}
