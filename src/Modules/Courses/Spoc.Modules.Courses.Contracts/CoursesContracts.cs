using Mediator;

namespace Spoc.Modules.Courses.Contracts;

public sealed record CourseSummary(Guid Id, Guid OrganizationId, string Title);

/// <summary>Does this course exist, in which organisation, under which title: <c>null</c> when it does not exist.</summary>
public sealed record GetCourse(Guid CourseId) : IQuery<CourseSummary?>;

/// <summary>The courses of one organisation, by title.</summary>
public sealed record GetCoursesOfOrganization(Guid OrganizationId) : IQuery<IReadOnlyList<CourseSummary>>;

/// <summary>Staff changed a learner's personal pacing (due-date shifts, extra resources) in a cohort.</summary>
public sealed record PacingChanged(Guid CohortId, Guid UserId) : Spoc.SharedKernel.Messaging.IntegrationEvent;

public sealed record ActivityCompletion(Guid UserId, Guid ActivityId, DateTimeOffset CompletedAt);

/// <summary>Who in a cohort completed which of these activities (e.g. the preparation of a live session).</summary>
public sealed record GetCompletions(Guid CohortId, IReadOnlyCollection<Guid> ActivityIds) : IQuery<IReadOnlyList<ActivityCompletion>>;
