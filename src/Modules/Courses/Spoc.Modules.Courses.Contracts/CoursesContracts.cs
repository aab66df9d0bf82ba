using Mediator;

namespace Spoc.Modules.Courses.Contracts;

/// <summary>Staff changed a learner's personal pacing (due-date shifts, extra resources) in a cohort.</summary>
/// <remarks>No subscriber yet: Community's notifications (issue 12) and the follow-up timeline (issue 15) will handle it.</remarks>
public sealed record PacingChanged(Guid CohortId, Guid UserId) : Spoc.SharedKernel.Messaging.IntegrationEvent;

public sealed record ActivityCompletion(Guid UserId, Guid ActivityId, DateTimeOffset CompletedAt);

/// <summary>Who in a cohort completed which of these activities (e.g. the preparation of a live session).</summary>
public sealed record GetCompletions(Guid CohortId, IReadOnlyCollection<Guid> ActivityIds) : IQuery<IReadOnlyList<ActivityCompletion>>;
