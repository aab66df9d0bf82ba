using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.FollowUp.Features.Signals;
using Spoc.SharedKernel.Messaging;
using Spoc.SharedKernel.Outbox;

namespace Spoc.Modules.FollowUp.EventHandlers;

/// <summary>
/// Each event about learners becomes their facts (the timeline's rows) and recomputes their signals (docs/adr/0033). At most
/// once per event (the inbox); a redelivery through another path, or events in any order, give the same facts and signals.
/// </summary>
internal abstract class ProjectingHandler<TEvent>(FollowUpDbContext db, TimeProvider clock, SignalsProjector projector)
    : IntegrationEventHandler<TEvent, FollowUpDbContext>(db, clock)
    where TEvent : IntegrationEvent
{
    /// <summary>The owners' figures this event may move (asked again for the learners concerned).</summary>
    protected virtual OwnerFigures Moves => OwnerFigures.None;

    protected abstract IEnumerable<LearnerEvent> Facts(TEvent e);

    protected override Task HandleOnceAsync(TEvent e, CancellationToken ct) => projector.ProjectAsync([.. Facts(e)], Moves, ct);

    protected override Task AfterCommitAsync(CancellationToken ct) => projector.PushAsync(ct);

    /// <summary>An event without its own time is dated when it is handled (the outbox's latency: seconds).</summary>
    protected DateTimeOffset Now => Clock.GetUtcNow();

    protected static LearnerEvent Fact(Guid cohortId, Guid learnerId, LearnerEventKind kind, Guid subjectId, DateTimeOffset at,
        Guid? actorId = null, decimal? value = null, string? detail = null) =>
        new() { CohortId = cohortId, LearnerId = learnerId, Kind = kind, SubjectId = subjectId, At = at, ActorId = actorId, Value = value, Detail = detail };
}

internal sealed class ProjectLearnerEnrolled(FollowUpDbContext db, TimeProvider clock, SignalsProjector projector) : ProjectingHandler<LearnerEnrolled>(db, clock, projector)
{
    protected override OwnerFigures Moves => OwnerFigures.Schedule | OwnerFigures.MissedWork;

    protected override IEnumerable<LearnerEvent> Facts(LearnerEnrolled e) => [Fact(e.CohortId, e.UserId, LearnerEventKind.Enrolled, e.CohortId, e.At)];
}

internal sealed class ProjectLearnerWithdrew(FollowUpDbContext db, TimeProvider clock, SignalsProjector projector) : ProjectingHandler<LearnerWithdrew>(db, clock, projector)
{
    protected override IEnumerable<LearnerEvent> Facts(LearnerWithdrew e) => [Fact(e.CohortId, e.UserId, LearnerEventKind.Withdrew, e.CohortId, e.At)];
}

/// <summary>The mentor itself is read from Cohorts when the learner is recomputed: assignments delivered out of order cannot leave an old one.</summary>
internal sealed class ProjectMentorAssigned(FollowUpDbContext db, TimeProvider clock, SignalsProjector projector) : ProjectingHandler<MentorAssigned>(db, clock, projector)
{
    protected override IEnumerable<LearnerEvent> Facts(MentorAssigned e) => [Fact(e.CohortId, e.LearnerId, LearnerEventKind.MentorAssigned, e.EventId, Now, actorId: e.MentorId)];
}

internal sealed class ProjectActivityCompleted(FollowUpDbContext db, TimeProvider clock, SignalsProjector projector) : ProjectingHandler<ActivityCompleted>(db, clock, projector)
{
    protected override OwnerFigures Moves => OwnerFigures.Schedule;

    protected override IEnumerable<LearnerEvent> Facts(ActivityCompleted e) => [Fact(e.CohortId, e.UserId, LearnerEventKind.ActivityCompleted, e.ActivityId, e.At)];
}

internal sealed class ProjectPacingChanged(FollowUpDbContext db, TimeProvider clock, SignalsProjector projector) : ProjectingHandler<PacingChanged>(db, clock, projector)
{
    protected override OwnerFigures Moves => OwnerFigures.Schedule | OwnerFigures.MissedWork;

    protected override IEnumerable<LearnerEvent> Facts(PacingChanged e) => [Fact(e.CohortId, e.UserId, LearnerEventKind.PacingChanged, e.EventId, Now)];
}

/// <summary>Each attempt is a fact (1 when late): handing in may end a missed deadline.</summary>
internal sealed class ProjectSubmissionReceived(FollowUpDbContext db, TimeProvider clock, SignalsProjector projector) : ProjectingHandler<SubmissionReceived>(db, clock, projector)
{
    protected override OwnerFigures Moves => OwnerFigures.MissedWork;

    protected override IEnumerable<LearnerEvent> Facts(SubmissionReceived e) =>
        [Fact(e.CohortId, e.AuthorId, LearnerEventKind.SubmissionReceived, e.SubmissionId, e.At, value: e.IsLate ? 1 : 0)];
}

/// <summary>One grade per assignment (the subject), in percent of its maximum: a later release of the same assignment replaces it.</summary>
internal sealed class ProjectGradeReleased(FollowUpDbContext db, TimeProvider clock, SignalsProjector projector) : ProjectingHandler<GradeReleased>(db, clock, projector)
{
    protected override IEnumerable<LearnerEvent> Facts(GradeReleased e) =>
        [Fact(e.CohortId, e.LearnerId, LearnerEventKind.GradeReleased, e.AssignmentId, e.At, value: e.MaxPoints > 0 ? Math.Round(100m * e.Score / e.MaxPoints, 2, MidpointRounding.AwayFromZero) : null)];
}

internal sealed class ProjectRevisionRequested(FollowUpDbContext db, TimeProvider clock, SignalsProjector projector) : ProjectingHandler<RevisionRequested>(db, clock, projector)
{
    protected override IEnumerable<LearnerEvent> Facts(RevisionRequested e) => [Fact(e.CohortId, e.LearnerId, LearnerEventKind.RevisionRequested, e.SubmissionId, e.At)];
}

/// <summary>One fact per session and learner: a correction (absent, then present) replaces the older status.</summary>
internal sealed class ProjectAttendanceRecorded(FollowUpDbContext db, TimeProvider clock, SignalsProjector projector) : ProjectingHandler<AttendanceRecorded>(db, clock, projector)
{
    protected override IEnumerable<LearnerEvent> Facts(AttendanceRecorded e) =>
        e.Marks.Select(m => Fact(e.CohortId, m.UserId, LearnerEventKind.Attendance, e.SessionId, e.At, detail: m.Status.ToString()));
}

/// <summary>Only posts in the cohort's spaces by one of its learners count (staff posts are dropped by the projector).</summary>
internal sealed class ProjectForumPostPublished(FollowUpDbContext db, TimeProvider clock, SignalsProjector projector) : ProjectingHandler<ForumPostPublished>(db, clock, projector)
{
    protected override IEnumerable<LearnerEvent> Facts(ForumPostPublished e) => [Fact(e.CohortId, e.AuthorId, LearnerEventKind.ForumPost, e.PostId, e.At, detail: Clip(e.ThreadTitle))];

    private static string Clip(string title) => title.Length <= 200 ? title : title[..200];
}

/// <summary>A message either way is a contact with their follow-up staff; one they wrote is also their own activity.</summary>
internal sealed class ProjectConversationMessageSent(FollowUpDbContext db, TimeProvider clock, SignalsProjector projector) : ProjectingHandler<ConversationMessageSent>(db, clock, projector)
{
    protected override IEnumerable<LearnerEvent> Facts(ConversationMessageSent e) => [Fact(e.CohortId, e.LearnerId, LearnerEventKind.Message, e.MessageId, e.At, actorId: e.AuthorId)];
}

internal sealed class ProjectCertificateIssued(FollowUpDbContext db, TimeProvider clock, SignalsProjector projector) : ProjectingHandler<CertificateIssued>(db, clock, projector)
{
    protected override IEnumerable<LearnerEvent> Facts(CertificateIssued e) => [Fact(e.CohortId, e.HolderId, LearnerEventKind.CertificateIssued, e.CertificateId, e.At)];
}

internal sealed class ProjectCertificateRevoked(FollowUpDbContext db, TimeProvider clock, SignalsProjector projector) : ProjectingHandler<CertificateRevoked>(db, clock, projector)
{
    protected override IEnumerable<LearnerEvent> Facts(CertificateRevoked e) => [Fact(e.CohortId, e.HolderId, LearnerEventKind.CertificateRevoked, e.CertificateId, e.At)];
}
