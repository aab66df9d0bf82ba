using Spoc.SharedKernel.Messaging;

namespace Spoc.Modules.Assessment.Contracts;

/// <summary>A learner handed in an attempt at an assignment (a quiz is already scored).</summary>
/// <remarks>
/// No subscriber yet: the staff's "à corriger" list (issue 11, grading), Community's notifications (issue 12) and the
/// follow-up timeline (issue 15) will handle it.
/// </remarks>
public sealed record SubmissionReceived(Guid CohortId, Guid AssignmentId, Guid SubmissionId, Guid AuthorId, int Attempt, bool IsLate, DateTimeOffset At) : IntegrationEvent;

/// <summary>Staff released a grade: its learner now sees the score and the feedback.</summary>
/// <remarks>No subscriber yet: Community's notifications (issue 12) and the follow-up timeline (issue 15) will handle it.</remarks>
public sealed record GradeReleased(Guid CohortId, Guid AssignmentId, Guid SubmissionId, Guid LearnerId, decimal Score, DateTimeOffset At) : IntegrationEvent;

/// <summary>Staff sent a submission back for revision: its learner may hand in a new attempt.</summary>
/// <remarks>No subscriber yet: Community's notifications (issue 12) and the follow-up timeline (issue 15) will handle it.</remarks>
public sealed record RevisionRequested(Guid CohortId, Guid AssignmentId, Guid SubmissionId, Guid LearnerId, DateTimeOffset At) : IntegrationEvent;
