using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.FollowUp.Domain;

internal enum FollowUpActionKind
{
    Call,
    Meeting,

    /// <summary>An extra resource for the learner (a link, a reading).</summary>
    Resource,

    /// <summary>More time: shifts the learner's personal due dates in Courses' pacing by <see cref="FollowUpAction.ExtensionDays"/>.</summary>
    Extension,
    Other,
}

internal enum FollowUpActionStatus
{
    Open,
    Done,
    Cancelled,
}

/// <summary>
/// Something staff will do for a learner, by a date. Unlike notes, the learner sees their actions ("my mentor's actions for
/// me"); an extension is applied to their pacing when it is created.
/// </summary>
internal sealed class FollowUpAction : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CohortId { get; init; }
    public Guid LearnerId { get; init; }
    public Guid AuthorId { get; init; }
    public FollowUpActionKind Kind { get; init; }
    public string Title { get; set; } = "";
    public string? Details { get; set; }
    public DateOnly DueOn { get; set; }

    /// <summary>An extension's days (their due dates move later by this many days); null for other kinds.</summary>
    public int? ExtensionDays { get; init; }

    /// <summary>A resource's link (http or https); null for other kinds.</summary>
    public string? ResourceUrl { get; set; }
    public FollowUpActionStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public Guid? DoneBy { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
