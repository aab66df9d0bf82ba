namespace Spoc.Modules.Integrations.Contracts;

/// <summary>
/// The events an organisation's webhooks can subscribe to (docs/integrations.md): each one's name on the wire, its payload's
/// <c>data</c> type, and what it reports. Names are stable; a payload that changes shape gets a new <c>version</c>.
/// </summary>
public static class WebhookEventTypes
{
    public const string ApplicationDecided = "application.decided";
    public const string EnrolmentCreated = "enrolment.created";
    public const string EnrolmentWithdrawn = "enrolment.withdrawn";
    public const string ActivityCompleted = "activity.completed";
    public const string SubmissionReceived = "submission.received";
    public const string GradeReleased = "grade.released";
    public const string AttendanceRecorded = "attendance.recorded";
    public const string CertificateIssued = "certificate.issued";
    public const string CertificateRevoked = "certificate.revoked";

    /// <summary>Sent by the "test ping" action only; nobody subscribes to it.</summary>
    public const string Ping = "webhook.ping";

    /// <summary>Every type one can subscribe to, with its payload's data type and a sentence for the docs and the web app.</summary>
    public static IReadOnlyDictionary<string, (Type Data, string Description)> All { get; } = new Dictionary<string, (Type, string)>
    {
        [ApplicationDecided] = (typeof(ApplicationDecidedData), "An application to a cohort was admitted, waitlisted or rejected."),
        [EnrolmentCreated] = (typeof(EnrolmentData), "A learner took a seat in a cohort (admitted, promoted from the waitlist, enrolled by their organisation)."),
        [EnrolmentWithdrawn] = (typeof(EnrolmentData), "A learner left a cohort (withdrew or was removed)."),
        [ActivityCompleted] = (typeof(ActivityCompletedData), "A learner completed an activity of the cohort's course."),
        [SubmissionReceived] = (typeof(SubmissionReceivedData), "A learner handed in work for an assignment."),
        [GradeReleased] = (typeof(GradeReleasedData), "A grade was released to a learner."),
        [AttendanceRecorded] = (typeof(AttendanceRecordedData), "A learner's attendance at a live session was recorded (one message per learner)."),
        [CertificateIssued] = (typeof(CertificateIssuedData), "A certificate was issued to a learner."),
        [CertificateRevoked] = (typeof(CertificateRevokedData), "A certificate was revoked."),
    };
}

/// <summary>
/// What every webhook request carries as its JSON body: the event's type and payload version, when it happened, the
/// organisation it is sent to, and the event's data (one schema per type).
/// </summary>
/// <param name="Type">One of the event types, or <c>webhook.ping</c>.</param>
/// <param name="Version">The payload's version (1): a change of shape comes with a new version.</param>
/// <param name="Timestamp">When the event happened.</param>
/// <param name="OrganizationId">The organisation that subscribed.</param>
public sealed record WebhookEnvelope<TData>(string Type, int Version, DateTimeOffset Timestamp, Guid OrganizationId, TData Data);

/// <summary>The learner an event is about.</summary>
public sealed record WebhookLearner(Guid Id, string Email);

/// <param name="Status">Admitted, Waitlisted or Rejected.</param>
public sealed record ApplicationDecidedData(Guid CohortId, Guid ApplicationId, WebhookLearner Learner, string Status);

/// <param name="Source">How the learner came in (enrolment.created only): Application, Waitlist, Invitation or OrganizationEnrollment.</param>
public sealed record EnrolmentData(Guid CohortId, WebhookLearner Learner, string? Source);

public sealed record ActivityCompletedData(Guid CohortId, WebhookLearner Learner, Guid ActivityId);

/// <param name="Attempt">1 for the first hand-in, then 2, 3...</param>
/// <param name="IsLate">Handed in after the learner's own due date.</param>
public sealed record SubmissionReceivedData(Guid CohortId, Guid AssignmentId, Guid SubmissionId, WebhookLearner Learner, int Attempt, bool IsLate);

public sealed record GradeReleasedData(Guid CohortId, Guid AssignmentId, Guid SubmissionId, WebhookLearner Learner, decimal Score, decimal MaxPoints);

/// <param name="Status">Present, Late, Absent or Excused.</param>
public sealed record AttendanceRecordedData(Guid CohortId, Guid SessionId, WebhookLearner Learner, string Status);

public sealed record CertificateIssuedData(Guid CohortId, Guid CertificateId, WebhookLearner Learner, string CourseTitle);

public sealed record CertificateRevokedData(Guid CohortId, Guid CertificateId, WebhookLearner Learner, string Reason);

/// <summary>The test ping's data: which webhook sent it.</summary>
public sealed record PingData(Guid WebhookId);

/// <summary>A webhook failed for <c>Webhooks:DisableAfter</c> and was disabled: its organisation's admins are told.</summary>
public sealed record WebhookEndpointDisabled(Guid WebhookId, Guid OrganizationId, string Url, DateTimeOffset FailingSince, DateTimeOffset At) : Spoc.SharedKernel.Messaging.IntegrationEvent;
