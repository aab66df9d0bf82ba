using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Spoc.Api.Tests.Cohorts;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Api.Tests.Community;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Community.Contracts;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Spoc.Api.Tests.Integrations;

/// <summary>
/// Webhooks end to end: real events from the modules, the real sender, a real receiver on 127.0.0.1 that checks every
/// signature with the StandardWebhooks package.
/// </summary>
public sealed class WebhookDeliveryTests
{
    private SpocApiFactory _factory = null!;
    private CohortWorld _world = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory(Webhooks.LoopbackSettings());
        _world = await CohortWorld.CreateAsync(_factory);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task An_admission_arrives_signed_once_per_event_in_order_with_the_learner_and_nothing_unsubscribed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhookId = await _world.Admin.SubscribeAsync(_world.OrganizationId, receiver, "application.decided", "enrolment.created");
        var cohortId = await _world.CohortAsync();
        var learner = await _world.LearnerAsync();
        var applicationId = await CohortWorld.ApplyAsync(learner.Client, cohortId);
        (await _world.DecideAsync(cohortId, applicationId, "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);

        await receiver.UntilReceivedAsync(2, "the decision and the enrolment arrived");
        await _factory.OutboxDispatchedAsync();
        await Task.Delay(500); // a duplicate would come within a sender round or two
        var received = receiver.Received.ToList();
        received.Should().HaveCount(2, "one message per event, each sent once");
        received.Should().OnlyContain(r => r.Verified, "every request verifies with the webhook's secret (StandardWebhooks)");
        received.Select(r => r.Type).Should().Equal(["application.decided", "enrolment.created"], "one learner's messages go in the order they happened");
        received.Select(r => r.Id).Should().OnlyHaveUniqueItems().And.OnlyContain(id => id.StartsWith("msg_", StringComparison.Ordinal));
        var decision = received[0].Json;
        decision["organizationId"]!.GetValue<Guid>().Should().Be(_world.OrganizationId);
        decision["version"]!.GetValue<int>().Should().Be(1);
        decision["data"]!["cohortId"]!.GetValue<Guid>().Should().Be(cohortId);
        decision["data"]!["applicationId"]!.GetValue<Guid>().Should().Be(applicationId);
        decision["data"]!["status"]!.GetValue<string>().Should().Be("Admitted");
        decision["data"]!["learner"]!["email"]!.GetValue<string>().Should().Be(learner.Email);
        received[1].Json["data"]!["source"]!.GetValue<string>().Should().Be("Application");

        var log = await _world.Admin.DeliveriesAsync(webhookId);
        log.Select(d => d!["state"]!.GetValue<string>()).Should().Equal(["Succeeded", "Succeeded"]);
        log.Select(d => d!["lastStatusCode"]!.GetValue<int>()).Should().Equal([200, 200]);
        log.Select(d => d!["messageId"]!.GetValue<string>()).Should().BeEquivalentTo(received.Select(r => r.Id));
    }

    [Test]
    public async Task A_failing_message_holds_back_the_next_of_its_learner_but_not_another_learners()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhookId = await _world.Admin.SubscribeAsync(_world.OrganizationId, receiver, "application.decided", "enrolment.created");
        var cohortId = await _world.CohortAsync();
        var (first, second) = (await _world.LearnerAsync(), await _world.LearnerAsync());
        receiver.Answer = r => (r.Json["data"]!["learner"]!["id"]!.GetValue<Guid>() == first.Id ? 500 : 200, TimeSpan.Zero);
        foreach (var learner in new[] { first, second })
        {
            var applicationId = await CohortWorld.ApplyAsync(learner.Client, cohortId);
            (await _world.DecideAsync(cohortId, applicationId, "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await TestApi.EventuallyAsync(() => Task.FromResult(receiver.Received.Any(r => r.Type == "enrolment.created")), "the other learner's enrolment went", 30_000);
        await Task.Delay(1000);
        var ofFirst = receiver.Received.Where(r => r.Json["data"]!["learner"]!["id"]!.GetValue<Guid>() == first.Id).ToList();
        ofFirst.Should().NotBeEmpty().And.OnlyContain(r => r.Type == "application.decided", "the enrolment waits behind the failing decision of the same learner");
        receiver.Received.Where(r => r.Json["data"]!["learner"]!["id"]!.GetValue<Guid>() == second.Id).Select(r => r.Type)
            .Should().Equal(["application.decided", "enrolment.created"]);

        // The receiver is fixed; resending the held message sends it now, under the same id, and the next one follows.
        receiver.Answer = _ => (200, TimeSpan.Zero);
        var held = (await _world.Admin.DeliveriesAsync(webhookId, "?state=Pending&eventType=application.decided")).Single()!;
        held["attempts"]!.GetValue<int>().Should().BeGreaterThan(0);
        held["lastStatusCode"]!.GetValue<int>().Should().Be(500);
        var behind = (await _world.Admin.DeliveriesAsync(webhookId, "?state=Pending&eventType=enrolment.created")).Single()!;
        behind["nextAttemptAt"]!.GetValue<DateTimeOffset>().Should().BeOnOrAfter(held["nextAttemptAt"]!.GetValue<DateTimeOffset>(),
            "what waits behind a failing message waits for its next try, out of the rounds in between");
        (await _world.Admin.PostAsync($"/api/v1/webhooks/{webhookId}/deliveries/{held["id"]}/resend", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await TestApi.EventuallyAsync(() => Task.FromResult(receiver.Received.Any(r => r.Type == "enrolment.created" && r.Json["data"]!["learner"]!["id"]!.GetValue<Guid>() == first.Id)),
            "the held enrolment followed", 30_000);
        receiver.Received.Where(r => r.Json["data"]!["learner"]!["id"]!.GetValue<Guid>() == first.Id).Select(r => r.Id).Distinct()
            .Should().HaveCount(2, "retries of the decision kept its id");
    }

    [Test]
    public async Task A_paused_webhook_keeps_its_queue_aside_and_sends_it_in_order_once_resumed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhookId = await _world.Admin.SubscribeAsync(_world.OrganizationId, receiver, "application.decided", "enrolment.created");
        var cohortId = await _world.CohortAsync();
        var learner = await _world.LearnerAsync();
        receiver.Answer = _ => (500, TimeSpan.Zero);
        (await _world.DecideAsync(cohortId, await CohortWorld.ApplyAsync(learner.Client, cohortId), "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);
        await TestApi.EventuallyAsync(async () => (await _world.Admin.DeliveriesAsync(webhookId, "?state=Pending&eventType=application.decided")).Any(d => d!["attempts"]!.GetValue<int>() > 0),
            "the decision was tried and failed", 30_000);

        var definition = new { url = receiver.Url, eventTypes = new[] { "application.decided", "enrolment.created" }, paused = true };
        (await _world.Admin.PutAsJsonAsync($"/api/v1/webhooks/{webhookId}", definition)).StatusCode.Should().Be(HttpStatusCode.OK);
        var waiting = await _world.Admin.DeliveriesAsync(webhookId, "?state=Pending");
        waiting.Should().HaveCount(2);
        waiting.Should().OnlyContain(d => d!["nextAttemptAt"] == null, "nothing is scheduled while the webhook is paused");

        receiver.Answer = _ => (200, TimeSpan.Zero);
        var tried = receiver.Received.Count;
        (await _world.Admin.PutAsJsonAsync($"/api/v1/webhooks/{webhookId}", definition with { paused = false })).StatusCode.Should().Be(HttpStatusCode.OK);
        await receiver.UntilReceivedAsync(tried + 2, "what waited went once resumed, without its backoff");
        receiver.Received.Skip(tried).Select(r => r.Type).Should().Equal(["application.decided", "enrolment.created"]);
    }

    [Test]
    public async Task A_partner_organisation_hears_of_its_own_people_only()
    {
        var (partnerId, partnerAdmin) = await _world.PartnerAsync();
        await using var ours = await WebhookReceiver.StartAsync();
        await using var theirs = await WebhookReceiver.StartAsync();
        await _world.Admin.SubscribeAsync(_world.OrganizationId, ours, "enrolment.created");
        await partnerAdmin.SubscribeAsync(partnerId, theirs, "enrolment.created");
        var cohortId = await _world.CohortAsync(organizationIds: [_world.OrganizationId, partnerId]);
        await CohortWorld.AcceptPartnershipAsync(partnerAdmin, cohortId, partnerId);
        var own = await _world.LearnerAsync();
        var employee = await _world.LearnerAsync(partnerId);
        foreach (var learner in new[] { own, employee })
        {
            (await _world.DecideAsync(cohortId, await CohortWorld.ApplyAsync(learner.Client, cohortId), "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await ours.UntilReceivedAsync(2, "the owner heard of both enrolments");
        await theirs.UntilReceivedAsync(1, "the partner heard of its employee's");
        await _factory.OutboxDispatchedAsync();
        await Task.Delay(500);
        theirs.Received.Select(r => r.Json["data"]!["learner"]!["id"]!.GetValue<Guid>()).Should().Equal([employee.Id], "another organisation's learner is none of the partner's business");
        theirs.Received.Single().Json["organizationId"]!.GetValue<Guid>().Should().Be(partnerId);
        theirs.Received.Should().OnlyContain(r => r.Verified);
    }

    [Test]
    public async Task During_a_rotation_requests_carry_a_signature_per_secret_and_after_it_only_the_new_one()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhookId = await _world.Admin.SubscribeAsync(_world.OrganizationId, receiver, "grade.released");
        var previous = receiver.Secrets.Single();
        var rotated = await (await _world.Admin.PostAsJsonAsync($"/api/v1/webhooks/{webhookId}/rotate-secret", new { overlapHours = 24 })).ReadJsonAsync();
        var current = rotated["secret"]!.GetValue<string>();
        current.Should().StartWith("whsec_").And.NotBe(previous);
        rotated["webhook"]!["secrets"]!.AsArray().Should().HaveCount(2);

        (await _world.Admin.PostAsync($"/api/v1/webhooks/{webhookId}/ping", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await receiver.UntilReceivedAsync(1, "the ping arrived");
        var during = receiver.Received.Single();
        during.Signature.Split(' ').Should().HaveCount(2);
        VerifiesWith(during, previous).Should().BeTrue("a receiver still holding the previous secret verifies during the overlap");
        VerifiesWith(during, current).Should().BeTrue("one holding the new secret verifies too");

        var newest = (await (await _world.Admin.PostAsJsonAsync($"/api/v1/webhooks/{webhookId}/rotate-secret", new { overlapHours = 0 })).ReadJsonAsync())["secret"]!.GetValue<string>();
        (await _world.Admin.PostAsync($"/api/v1/webhooks/{webhookId}/ping", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await receiver.UntilReceivedAsync(2, "the second ping arrived");
        var after = receiver.Received.Last();
        after.Signature.Split(' ').Should().ContainSingle("an overlap of 0 ends the previous secrets at once");
        VerifiesWith(after, previous).Should().BeFalse();
        VerifiesWith(after, current).Should().BeFalse("rotated again at once: only the newest secret signs");
        VerifiesWith(after, newest).Should().BeTrue();
    }

    [Test]
    public async Task A_ping_and_its_resend_reach_the_receiver_under_one_id_and_the_log_shows_both_attempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhookId = await _world.Admin.SubscribeAsync(_world.OrganizationId, receiver, "certificate.issued");
        var ping = await _world.Admin.PostAsync($"/api/v1/webhooks/{webhookId}/ping", null);
        ping.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var deliveryId = (await ping.ReadJsonAsync())["deliveryId"]!.GetValue<Guid>();
        ping.Headers.Location!.ToString().Should().Be($"/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}");
        await receiver.UntilReceivedAsync(1, "the ping arrived");
        receiver.Received.Single().Type.Should().Be("webhook.ping");
        receiver.Received.Single().Json["data"]!["webhookId"]!.GetValue<Guid>().Should().Be(webhookId);
        receiver.Received.Single().Verified.Should().BeTrue();

        await TestApi.EventuallyAsync(async () => (await _world.Admin.DeliveriesAsync(webhookId)).Single()!["state"]!.GetValue<string>() == "Succeeded", "the ping is marked sent");
        (await _world.Admin.PostAsync($"/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}/resend", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await receiver.UntilReceivedAsync(2, "the resend arrived");
        receiver.Received.Select(r => r.Id).Distinct().Should().ContainSingle("a resend keeps the webhook-id, so receivers can drop it");

        await TestApi.EventuallyAsync(async () => (await (await _world.Admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}")).ReadJsonAsync())["attemptLog"]!.AsArray().Count == 2, "both attempts are logged");
        var detail = await (await _world.Admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}")).ReadJsonAsync();
        detail["payload"]!["type"]!.GetValue<string>().Should().Be("webhook.ping");
        detail["attemptLog"]!.AsArray().Should().OnlyContain(a => a!["statusCode"]!.GetValue<int>() == 200 && a["responseExcerpt"]!.GetValue<string>() == "answered 200");
        var webhook = await (await _world.Admin.GetAsync($"/api/v1/webhooks/{webhookId}")).ReadJsonAsync();
        webhook["lastDelivery"]!["statusCode"]!.GetValue<int>().Should().Be(200);
    }

    [Test]
    public async Task Grades_attendance_and_certificates_arrive_with_their_facts_one_message_per_learner()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await _world.Admin.SubscribeAsync(_world.OrganizationId, receiver, "grade.released", "attendance.recorded", "certificate.issued");
        var cohortId = await _world.CohortAsync();
        var (lea, tom) = (await _world.LearnerAsync(), await _world.LearnerAsync());
        var (assignmentId, submissionId, sessionId, certificateId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;

        // As Assessment, Community and Certification publish them: through an outbox, delivered by the real dispatcher.
        await _factory.PublishAsync(
            new GradeReleased(cohortId, assignmentId, submissionId, lea.Id, 16.5m, 20m, now),
            new AttendanceRecorded(cohortId, sessionId, [new AttendanceMark(lea.Id, AttendanceStatus.Present), new AttendanceMark(tom.Id, AttendanceStatus.Absent)], now),
            new CertificateIssued(certificateId, cohortId, lea.Id, "Management de projet", now));

        await receiver.UntilReceivedAsync(4, "the grade, two attendance marks and the certificate arrived");
        var byType = receiver.Received.ToLookup(r => r.Type);
        var grade = byType["grade.released"].Single().Json["data"]!;
        (grade["score"]!.GetValue<decimal>(), grade["maxPoints"]!.GetValue<decimal>(), grade["submissionId"]!.GetValue<Guid>()).Should().Be((16.5m, 20m, submissionId));
        grade["learner"]!["email"]!.GetValue<string>().Should().Be(lea.Email);
        byType["attendance.recorded"].Select(r => (r.Json["data"]!["learner"]!["id"]!.GetValue<Guid>(), r.Json["data"]!["status"]!.GetValue<string>()))
            .Should().BeEquivalentTo([(lea.Id, "Present"), (tom.Id, "Absent")], "a sheet of two marks is one message per learner");
        byType["attendance.recorded"].Select(r => r.Id).Should().OnlyHaveUniqueItems();
        byType["certificate.issued"].Single().Json["data"]!["certificateId"]!.GetValue<Guid>().Should().Be(certificateId);
        receiver.Received.Should().OnlyContain(r => r.Verified);
    }

    [Test]
    public async Task A_receiver_that_times_out_or_fails_once_is_retried_within_the_attempt_under_the_same_id()
    {
        using var factory = new SpocApiFactory(Webhooks.LoopbackSettings(("Webhooks:AttemptTimeout", "00:00:01")));
        var admin = await factory.AdminClientAsync();
        var organizationId = await admin.CreateOrganizationAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var calls = 0;
        receiver.Answer = _ => Interlocked.Increment(ref calls) switch
        {
            1 => (200, TimeSpan.FromSeconds(3)), // too slow: the attempt's timeout cuts it
            2 => (500, TimeSpan.Zero),
            _ => (200, TimeSpan.Zero),
        };
        var webhookId = await admin.SubscribeAsync(organizationId, receiver, "grade.released");
        var deliveryId = (await (await admin.PostAsync($"/api/v1/webhooks/{webhookId}/ping", null)).ReadJsonAsync())["deliveryId"]!.GetValue<Guid>();

        await TestApi.EventuallyAsync(async () => (await admin.DeliveriesAsync(webhookId)).Single()!["state"]!.GetValue<string>() == "Succeeded", "the third try went through", 30_000);
        receiver.Received.Should().HaveCount(3);
        receiver.Received.Select(r => r.Id).Distinct().Should().ContainSingle("retries carry the same webhook-id");
        var delivery = await (await admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}")).ReadJsonAsync();
        delivery["delivery"]!["attempts"]!.GetValue<int>().Should().Be(1, "quick retries are one attempt of the schedule");
    }

    [Test]
    public async Task An_event_committed_before_a_restart_is_delivered_once_after_it_under_the_events_id()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "spoc-tests", Guid.NewGuid().ToString("N"));
        await using var receiver = await WebhookReceiver.StartAsync();
        Guid cohortId, learnerId;
        using (var stopped = new SpocApiFactory(Webhooks.LoopbackSettings(("Outbox:Enabled", "false")), dataDirectory))
        {
            // The admission commits its events; the process stops before any dispatcher saw them.
            var world = await CohortWorld.CreateAsync(stopped);
            await world.Admin.SubscribeAsync(world.OrganizationId, receiver, "enrolment.created");
            cohortId = await world.CohortAsync();
            var learner = await world.LearnerAsync();
            learnerId = learner.Id;
            (await world.DecideAsync(cohortId, await CohortWorld.ApplyAsync(learner.Client, cohortId), "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        receiver.Received.Should().BeEmpty();
        using var restarted = new SpocApiFactory(Webhooks.LoopbackSettings(), dataDirectory);
        _ = restarted.Services;
        await receiver.UntilReceivedAsync(1, "the restarted instance delivered the enrolment");
        await restarted.OutboxDispatchedAsync();
        await Task.Delay(500);

        await using var scope = restarted.Services.CreateAsyncScope();
        var enrolled = await scope.ServiceProvider.GetRequiredService<CohortsDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Type.Contains(nameof(Spoc.Modules.Cohorts.Contracts.LearnerEnrolled))).Select(m => m.Id).SingleAsync();
        receiver.Received.Should().ContainSingle().Which.Id.Should().Be($"msg_{enrolled:N}", "the webhook-id is the event's: a receiver can tell a redelivery");
        receiver.Received.Single().Json["data"]!["learner"]!["id"]!.GetValue<Guid>().Should().Be(learnerId);
    }

    [Test]
    public async Task Two_instances_on_one_database_send_each_message_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = _ => (200, TimeSpan.FromMilliseconds(20)); // answers that take a moment widen the window for a double send
        var webhookId = await _world.Admin.SubscribeAsync(_world.OrganizationId, receiver, "grade.released");
        using var second = new SpocApiFactory(Webhooks.LoopbackSettings(), _factory.DataDirectory);
        var admins = new[] { _world.Admin, await second.AdminClientAsync() };

        var pings = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
            (await admins[i % 2].PostAsync($"/api/v1/webhooks/{webhookId}/ping", null)).StatusCode));

        pings.Should().OnlyContain(s => s == HttpStatusCode.Accepted);
        await receiver.UntilReceivedAsync(30, "every ping arrived");
        await Task.Delay(1000);
        receiver.Received.Should().HaveCount(30, "two senders claim each delivery once");
        receiver.Received.Select(r => r.Id).Should().OnlyHaveUniqueItems();
    }

    [Test]
    public async Task Deleting_a_webhook_stops_its_deliveries_and_removes_its_log()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhookId = await _world.Admin.SubscribeAsync(_world.OrganizationId, receiver, "enrolment.created");
        (await _world.Admin.DeleteAsync($"/api/v1/webhooks/{webhookId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var cohortId = await _world.CohortAsync();
        var learner = await _world.LearnerAsync();
        (await _world.DecideAsync(cohortId, await CohortWorld.ApplyAsync(learner.Client, cohortId), "Admit")).StatusCode.Should().Be(HttpStatusCode.OK);
        await _factory.OutboxDispatchedAsync();
        await Task.Delay(500);
        receiver.Received.Should().BeEmpty();
        await (await _world.Admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    /// <summary>
    /// Whether one of the request's signatures verifies with the secret, each checked alone: StandardWebhooks 1.1.2 stops
    /// before the last of several signatures, so a header of two is checked one signature at a time.
    /// </summary>
    private static bool VerifiesWith(ReceivedWebhook received, string secret) => received.Signature.Split(' ').Any(signature =>
    {
        var headers = new Microsoft.AspNetCore.Http.HeaderDictionary
        {
            ["webhook-id"] = received.Id, ["webhook-timestamp"] = received.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), ["webhook-signature"] = signature,
        };
        try
        {
            new StandardWebhook(secret).Verify(received.Body, headers);
            return true;
        }
        catch (WebhookVerificationException)
        {
            return false;
        }
    });
}
