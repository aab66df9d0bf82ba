namespace Spoc.Modules.FollowUp.Domain;

/// <summary>What happened to a learner in a cohort, as another module told it (the timeline's facts).</summary>
internal enum LearnerEventKind
{
    Enrolled,
    Withdrew,
    MentorAssigned,
    ActivityCompleted,
    PacingChanged,
    SubmissionReceived,
    GradeReleased,
    RevisionRequested,

    /// <summary>Their attendance at a live session was recorded (<see cref="LearnerEvent.Detail"/>: the status).</summary>
    Attendance,
    ForumPost,

    /// <summary>A message in their private conversation with their follow-up staff (<see cref="LearnerEvent.ActorId"/>: who wrote it).</summary>
    Message,
    CertificateIssued,
    CertificateRevoked,
}

/// <summary>
/// One fact of a learner's follow-up, projected from another module's event. At most one row per
/// (cohort, learner, kind, subject): a replayed event finds its row and changes nothing, a later fact about the same subject
/// (attendance corrected from absent to present) replaces the earlier one only when it is newer, so the order in which
/// events arrive never changes the result. Signals are computed from these rows, never from the events' order.
/// </summary>
internal sealed class LearnerEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CohortId { get; init; }
    public Guid LearnerId { get; init; }
    public LearnerEventKind Kind { get; init; }

    /// <summary>What it is about: the activity, submission, session, post, message or certificate (the cohort for an enrolment).</summary>
    public Guid SubjectId { get; init; }

    /// <summary>When it happened (the event's own time, not when it arrived).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Who did it when it is not the learner: the staff member who graded, wrote, recorded.</summary>
    public Guid? ActorId { get; set; }

    /// <summary>A figure when the kind has one: a grade in percent of the maximum; 1 for a late submission.</summary>
    public decimal? Value { get; set; }

    /// <summary>A short word when the kind has one: the attendance status, the assignment's title.</summary>
    public string? Detail { get; set; }
}
