using Mediator;
using Spoc.SharedKernel.Messaging;

namespace Spoc.Modules.Certification.Contracts;

/// <summary>A certificate was issued to a learner (Community notifies them, with a link to /me/certificates).</summary>
public sealed record CertificateIssued(Guid CertificateId, Guid CohortId, Guid HolderId, string CourseTitle, DateTimeOffset At) : IntegrationEvent;

/// <summary>A certificate was revoked, with the reason staff gave.</summary>
public sealed record CertificateRevoked(Guid CertificateId, Guid CohortId, Guid HolderId, string Reason, DateTimeOffset At) : IntegrationEvent;

/// <summary>A learner's attendance in a cohort: their recorded statuses at its sessions not cancelled.</summary>
/// <param name="Rate">(Present + Late) / (Present + Late + Absent) in percent, two decimals; Excused leaves a session out; null when nothing counts (docs/adr/0028).</param>
public sealed record LearnerAttendanceRate(Guid UserId, int Present, int Late, int Absent, int Excused, decimal? Rate);

/// <summary>
/// Certification asks it, Community answers it (minimum attendance): each learner of the cohort with a recorded attendance,
/// and their rate; learners with none recorded are absent from the list. One query, whatever the number of learners and
/// sessions. Declared here, not in Community's contracts, because Community hears Certification's events: the question
/// points the same way (docs/adr/0014, 0030).
/// </summary>
public sealed record GetAttendanceRates(Guid CohortId) : IQuery<IReadOnlyList<LearnerAttendanceRate>>;
