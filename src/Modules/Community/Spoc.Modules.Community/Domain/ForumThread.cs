using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Community.Domain;

/// <summary>
/// A discussion in a cohort's forum, or in one project group's space (<see cref="GroupId"/>). Its first post carries the
/// opening message. Posts are numbered in the thread (<see cref="PostCount"/> is the last number given), which is what read
/// markers compare to.
/// </summary>
internal sealed class ForumThread : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CohortId { get; init; }

    /// <summary>The project group whose private space holds it; null for the cohort's forum.</summary>
    public Guid? GroupId { get; init; }

    public required string Title { get; set; }
    public Guid AuthorId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastPostAt { get; set; }

    /// <summary>The number of the last post: incremented in SQL when a post is added, so two posts never share one.</summary>
    public int PostCount { get; set; }

    /// <summary>Staff wrote it to the whole cohort (no <see cref="Audience"/>) or to the groups of its <see cref="Audience"/>; learners do not reply.</summary>
    public bool IsAnnouncement { get; init; }

    public bool IsPinned { get; set; }
    public bool IsLocked { get; set; }

    /// <summary>The post the thread's author or staff marked as its answer.</summary>
    public Guid? AnswerPostId { get; set; }

    /// <summary>The answer was written by staff (its post's <see cref="ForumPost.ByStaff"/>), kept here for lists.</summary>
    public bool AnsweredByStaff { get; set; }

    public List<ThreadAudience> Audience { get; init; } = [];

    /// <summary>Changes with its flags and answer (not with each reply): the ETag moderation and answer marks are conditional on.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>One of the groups an announcement is addressed to.</summary>
internal sealed class ThreadAudience
{
    public Guid ThreadId { get; init; }
    public Guid GroupId { get; init; }
}
