using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Integrations.Contracts;
using Spoc.Modules.Integrations.Data;
using Spoc.Modules.Integrations.Delivery;
using Spoc.Modules.Integrations.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Messaging;
using Spoc.SharedKernel.Outbox;

namespace Spoc.Modules.Integrations.EventHandlers;

/// <summary>One learner's fact in one cohort, as a webhook message tells it.</summary>
internal sealed record WebhookFact(Guid CohortId, Guid LearnerId, DateTimeOffset At, Func<WebhookLearner, object> Data);

/// <summary>
/// Turns another module's event into webhook messages (ADR 0047): one per organisation concerned (the cohort's owner; a
/// partner organisation only for its own members) and learner, with a delivery per enabled endpoint subscribed to the type,
/// committed with the inbox row, so a redelivered event queues nothing twice. The subject <c>{cohortId}:{learnerId}</c>
/// keeps one learner's messages in order.
/// </summary>
internal abstract class ToWebhooks<TEvent>(IntegrationsDbContext db, ISender sender, WebhookSignal signal, TimeProvider clock)
    : IntegrationEventHandler<TEvent, IntegrationsDbContext>(db, clock)
    where TEvent : IntegrationEvent
{
    private bool _queued;

    protected abstract string Type { get; }

    protected abstract IReadOnlyList<WebhookFact> Facts(TEvent integrationEvent);

    protected override async Task HandleOnceAsync(TEvent integrationEvent, CancellationToken ct)
    {
        var facts = Facts(integrationEvent);
        if (facts.Count == 0 || await sender.Send(new GetCohortCertificationFacts(facts[0].CohortId), ct) is not { } cohort)
        {
            return;
        }

        var organizations = cohort.PartnerOrganizationIds.Append(cohort.OrganizationId).ToList();
        var endpoints = await Db.Endpoints.AsNoTracking()
            .Where(e => organizations.Contains(e.OrganizationId) && e.State == WebhookState.Enabled && e.EventTypes.Contains(Type))
            .Select(e => new { e.Id, e.OrganizationId }).ToListAsync(ct);
        if (endpoints.Count == 0)
        {
            return;
        }

        var learnerIds = facts.Select(f => f.LearnerId).Distinct().ToList();
        var partners = endpoints.Select(e => e.OrganizationId).Where(o => o != cohort.OrganizationId).Distinct().ToList();
        // A partner organisation hears only of its own people: another company's learners in a shared cohort are none of its business.
        var members = partners.Count == 0 ? [] : (await sender.Send(new GetMemberships(learnerIds, partners), ct)).Select(m => (m.OrganizationId, m.UserId)).ToHashSet();
        var learners = (await sender.Send(new GetUsers(learnerIds), ct)).ToDictionary(u => u.Id, u => new WebhookLearner(u.Id, u.Email));
        var now = Clock.GetUtcNow();
        foreach (var organization in endpoints.GroupBy(e => e.OrganizationId))
        {
            foreach (var fact in facts.Where(f => learners.ContainsKey(f.LearnerId) && (organization.Key == cohort.OrganizationId || members.Contains((organization.Key, f.LearnerId)))))
            {
                var messageId = facts.Count == 1 ? $"msg_{integrationEvent.EventId:N}" : $"msg_{integrationEvent.EventId:N}_{fact.LearnerId:N}";
                var message = WebhookMessages.Create(Type, messageId, organization.Key, $"{fact.CohortId:N}:{fact.LearnerId:N}", fact.At, fact.Data(learners[fact.LearnerId]));
                Db.Deliveries.AddRange(organization.Select(e => WebhookMessages.Deliver(message, e.Id, now)));
                _queued = true;
            }
        }
    }

    protected override Task AfterCommitAsync(CancellationToken ct)
    {
        if (_queued)
        {
            signal.Wake();
        }

        return Task.CompletedTask;
    }
}

internal sealed class ApplicationDecidedToWebhooks(IntegrationsDbContext db, ISender sender, WebhookSignal signal, TimeProvider clock)
    : ToWebhooks<ApplicationDecided>(db, sender, signal, clock)
{
    protected override string Type => WebhookEventTypes.ApplicationDecided;

    protected override IReadOnlyList<WebhookFact> Facts(ApplicationDecided e) =>
        [new(e.CohortId, e.ApplicantId, Clock.GetUtcNow(), learner => new ApplicationDecidedData(e.CohortId, e.ApplicationId, learner, e.Status.ToString()))];
}

internal sealed class LearnerEnrolledToWebhooks(IntegrationsDbContext db, ISender sender, WebhookSignal signal, TimeProvider clock)
    : ToWebhooks<LearnerEnrolled>(db, sender, signal, clock)
{
    protected override string Type => WebhookEventTypes.EnrolmentCreated;

    protected override IReadOnlyList<WebhookFact> Facts(LearnerEnrolled e) =>
        [new(e.CohortId, e.UserId, e.At, learner => new EnrolmentData(e.CohortId, learner, e.Source.ToString()))];
}

internal sealed class LearnerWithdrewToWebhooks(IntegrationsDbContext db, ISender sender, WebhookSignal signal, TimeProvider clock)
    : ToWebhooks<LearnerWithdrew>(db, sender, signal, clock)
{
    protected override string Type => WebhookEventTypes.EnrolmentWithdrawn;

    protected override IReadOnlyList<WebhookFact> Facts(LearnerWithdrew e) => [new(e.CohortId, e.UserId, e.At, learner => new EnrolmentData(e.CohortId, learner, null))];
}

internal sealed class ActivityCompletedToWebhooks(IntegrationsDbContext db, ISender sender, WebhookSignal signal, TimeProvider clock)
    : ToWebhooks<ActivityCompleted>(db, sender, signal, clock)
{
    protected override string Type => WebhookEventTypes.ActivityCompleted;

    protected override IReadOnlyList<WebhookFact> Facts(ActivityCompleted e) =>
        [new(e.CohortId, e.UserId, e.At, learner => new ActivityCompletedData(e.CohortId, learner, e.ActivityId))];
}

internal sealed class SubmissionReceivedToWebhooks(IntegrationsDbContext db, ISender sender, WebhookSignal signal, TimeProvider clock)
    : ToWebhooks<SubmissionReceived>(db, sender, signal, clock)
{
    protected override string Type => WebhookEventTypes.SubmissionReceived;

    protected override IReadOnlyList<WebhookFact> Facts(SubmissionReceived e) =>
        [new(e.CohortId, e.AuthorId, e.At, learner => new SubmissionReceivedData(e.CohortId, e.AssignmentId, e.SubmissionId, learner, e.Attempt, e.IsLate))];
}

internal sealed class GradeReleasedToWebhooks(IntegrationsDbContext db, ISender sender, WebhookSignal signal, TimeProvider clock)
    : ToWebhooks<GradeReleased>(db, sender, signal, clock)
{
    protected override string Type => WebhookEventTypes.GradeReleased;

    protected override IReadOnlyList<WebhookFact> Facts(GradeReleased e) =>
        [new(e.CohortId, e.LearnerId, e.At, learner => new GradeReleasedData(e.CohortId, e.AssignmentId, e.SubmissionId, learner, e.Score, e.MaxPoints))];
}

internal sealed class AttendanceRecordedToWebhooks(IntegrationsDbContext db, ISender sender, WebhookSignal signal, TimeProvider clock)
    : ToWebhooks<AttendanceRecorded>(db, sender, signal, clock)
{
    protected override string Type => WebhookEventTypes.AttendanceRecorded;

    protected override IReadOnlyList<WebhookFact> Facts(AttendanceRecorded e) =>
        [.. e.Marks.Select(m => new WebhookFact(e.CohortId, m.UserId, e.At, learner => new AttendanceRecordedData(e.CohortId, e.SessionId, learner, m.Status.ToString())))];
}

internal sealed class CertificateIssuedToWebhooks(IntegrationsDbContext db, ISender sender, WebhookSignal signal, TimeProvider clock)
    : ToWebhooks<CertificateIssued>(db, sender, signal, clock)
{
    protected override string Type => WebhookEventTypes.CertificateIssued;

    protected override IReadOnlyList<WebhookFact> Facts(CertificateIssued e) =>
        [new(e.CohortId, e.HolderId, e.At, learner => new CertificateIssuedData(e.CohortId, e.CertificateId, learner, e.CourseTitle))];
}

internal sealed class CertificateRevokedToWebhooks(IntegrationsDbContext db, ISender sender, WebhookSignal signal, TimeProvider clock)
    : ToWebhooks<CertificateRevoked>(db, sender, signal, clock)
{
    protected override string Type => WebhookEventTypes.CertificateRevoked;

    protected override IReadOnlyList<WebhookFact> Facts(CertificateRevoked e) =>
        [new(e.CohortId, e.HolderId, e.At, learner => new CertificateRevokedData(e.CohortId, e.CertificateId, learner, e.Reason))];
}
