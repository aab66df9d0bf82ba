using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;

namespace Spoc.Api.Tests.Community;

/// <summary>Preferences route each kind; mail leaves through the email outbox, once, even across a crash; the digest replaces single mails.</summary>
public sealed class NotificationEmailTests
{
    private static GradeReleased GradeFor(Guid learnerId) => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), learnerId, 16m, 20m, DateTimeOffset.UtcNow);

    private static IEnumerable<MimeMessage> MailTo(SpocApiFactory factory, string email) =>
        Directory.Exists(Path.Combine(factory.DataDirectory, "mail"))
            ? Directory.GetFiles(Path.Combine(factory.DataDirectory, "mail"), "*.eml").Select(f => MimeMessage.Load(f)).Where(m => m.To.Mailboxes.Any(a => a.Address == email))
            : [];

    private static async Task<List<NotificationEmail>> OutboxAsync(SpocApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CommunityDbContext>().NotificationEmails.AsNoTracking().ToListAsync();
    }

    [Test]
    public async Task Preferences_have_defaults_rules_and_route_each_kind()
    {
        using var factory = new SpocApiFactory();
        var (client, userId, email) = (await factory.PeopleAsync(1, "chooser"))[0];
        var defaults = await (await client.GetAsync("/api/v1/me/notification-preferences")).ReadJsonAsync();
        defaults["dailyDigest"]!.GetValue<bool>().Should().BeFalse();
        var channels = defaults["channels"]!.AsArray();
        channels.Should().HaveCount(13);
        channels.Single(c => c!["kind"]!.GetValue<string>() == "GradeReleased")!["channel"]!.GetValue<string>().Should().Be("Both");
        channels.Single(c => c!["kind"]!.GetValue<string>() == "Mention")!["channel"]!.GetValue<string>().Should().Be("InApp");
        channels.Single(c => c!["kind"]!.GetValue<string>() == "Message")!["essential"]!.GetValue<bool>().Should().BeTrue();
        channels.Single(c => c!["kind"]!.GetValue<string>() == "FollowUpSummary")!["channel"]!.GetValue<string>().Should().Be("Both", "the weekly follow-up summary is mailed (and listed in the feed) unless the person chose otherwise");

        var unknown = await client.PutAsJsonAsync("/api/v1/me/notification-preferences", new { dailyDigest = false, channels = new[] { new { kind = "Gossip", channel = "Both" } } });
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request"))["errors"]!.AsObject().Should().ContainKey("channels[0].kind");
        var essentialOff = await client.PutAsJsonAsync("/api/v1/me/notification-preferences", new { dailyDigest = false, channels = new[] { new { kind = "GradeReleased", channel = "None" } } });
        (await essentialOff.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed"))["errors"]!.AsObject().Should().ContainKey("channels[0].channel");
        var twice = await client.PutAsJsonAsync("/api/v1/me/notification-preferences", new { dailyDigest = false, channels = new[] { new { kind = "Reply", channel = "None" }, new { kind = "Reply", channel = "Both" } } });
        (await twice.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed"))["errors"]!.AsObject().Should().ContainKey("channels");

        var saved = await client.PutAsJsonAsync("/api/v1/me/notification-preferences", new
        {
            dailyDigest = false,
            channels = new[] { new { kind = "GradeReleased", channel = "Email" }, new { kind = "Mention", channel = "None" }, new { kind = "Announcement", channel = "InApp" } },
        });
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var reread = (await (await client.GetAsync("/api/v1/me/notification-preferences")).ReadJsonAsync())["channels"]!.AsArray();
        reread.Single(c => c!["kind"]!.GetValue<string>() == "GradeReleased")!["channel"]!.GetValue<string>().Should().Be("Email");
        reread.Single(c => c!["kind"]!.GetValue<string>() == "Reply")!["channel"]!.GetValue<string>().Should().Be("InApp", "a kind left out keeps its default");

        var graded = RecordingEmailSender.Next(email, m => m.Subject.StartsWith("Nouvelle note", StringComparison.Ordinal));
        await factory.PublishAsync(
            GradeFor(userId),
            new ForumPostPublished(Guid.NewGuid(), null, Guid.NewGuid(), "Sujet", Guid.NewGuid(), Guid.NewGuid(), null, [userId], DateTimeOffset.UtcNow),
            new AnnouncementPublished(Guid.NewGuid(), Guid.NewGuid(), "Annonce du jour", Guid.NewGuid(), [userId], DateTimeOffset.UtcNow));
        (await graded).Body.Should().Contain("16 points");
        await factory.OutboxDispatchedAsync();

        (await client.FeedAsync()).Select(n => n!["kind"]!.GetValue<string>()).Should().Equal(["Announcement"], "email only stays out of the feed, none is nowhere");
        factory.Emails.Sent.Where(m => m.To == email).Should().ContainSingle("the in-app announcement sends no mail");
    }

    [Test]
    public async Task A_failing_relay_is_retried_and_the_mail_goes_once()
    {
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["Notifications:RetryDelay"] = "00:00:00.010" });
        var (_, userId, email) = (await factory.PeopleAsync(1, "retried"))[0];
        factory.Emails.FailNext(2);
        var mail = RecordingEmailSender.Next(email, _ => true);
        await factory.PublishAsync(GradeFor(userId));
        (await mail).Subject.Should().StartWith("Nouvelle note");

        var row = (await OutboxAsync(factory)).Single(e => e.To == email);
        await TestApi.EventuallyAsync(async () => (await OutboxAsync(factory)).Single(e => e.To == email).State == EmailState.Sent, "the mail is marked sent");
        factory.Emails.Sent.Count(m => m.To == email).Should().Be(1);
        MailTo(factory, email).Should().ContainSingle().Which.MessageId.Should().StartWith(row.Id.ToString("N"));
    }

    [Test]
    public async Task No_mail_is_sent_twice_after_a_restart_between_commit_and_dispatch()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "spoc-tests", Guid.NewGuid().ToString("N"));
        string email;
        using (var stopped = new SpocApiFactory(new Dictionary<string, string?> { ["Notifications:SendEmails"] = "false" }, dataDirectory))
        {
            (_, var userId, email) = (await stopped.PeopleAsync(1, "restarted"))[0];
            await stopped.PublishAsync(GradeFor(userId));
            await TestApi.EventuallyAsync(async () => (await OutboxAsync(stopped)).Any(e => e.To == email), "the notification and its mail are committed");
            MailTo(stopped, email).Should().BeEmpty("this host sends no mail: it stops between the commit and the dispatch");
        }

        // A host's first pass comes one polling interval after start (docs/performance.md, start-up): a short one here.
        var shortPolling = new Dictionary<string, string?> { ["Notifications:PollingInterval"] = "00:00:00.200" };
        using (var restarted = new SpocApiFactory(shortPolling, dataDirectory))
        {
            restarted.CreateClient();
            await TestApi.EventuallyAsync(async () => (await OutboxAsync(restarted)).Single(e => e.To == email).State == EmailState.Sent, "the new host sends it");
            MailTo(restarted, email).Should().ContainSingle();

            // It crashes after handing the mail over but before writing that down: the claim lapses and the mail is tried again.
            await using (var scope = restarted.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<CommunityDbContext>().NotificationEmails.Where(e => e.To == email)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EmailState.Sending).SetProperty(e => e.DueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
            }
        }

        using var again = new SpocApiFactory(shortPolling, dataDirectory);
        again.CreateClient();
        await TestApi.EventuallyAsync(async () => (await OutboxAsync(again)).Single(e => e.To == email).State == EmailState.Sent, "the lapsed claim is taken over");
        again.Emails.Sent.Should().ContainSingle(m => m.To == email, "it was handed to the sender again...");
        MailTo(again, email).Should().ContainSingle("...which delivered nothing new: one mail per id");
    }

    [Test]
    public async Task An_announcement_to_more_mail_than_one_batch_goes_out_at_its_signal_not_a_batch_per_poll()
    {
        // An hour between polls: only the commit's signal and the batches that follow a full one can send these.
        using var factory = new SpocApiFactory(new Dictionary<string, string?> { ["Notifications:PollingInterval"] = "01:00:00" });
        var cohort = await factory.PeopleAsync(45, "annonce");
        var emails = cohort.Select(p => p.Email).ToHashSet();
        await factory.PublishAsync(new AnnouncementPublished(Guid.NewGuid(), Guid.NewGuid(), "Rentrée", Guid.NewGuid(), [.. cohort.Select(p => p.Id)], DateTimeOffset.UtcNow));

        await TestApi.EventuallyAsync(async () => (await OutboxAsync(factory)).Count(e => emails.Contains(e.To) && e.State == EmailState.Sent) == 45,
            "45 mails, more than two batches of 20, are sent without waiting for the next poll");
        factory.Emails.Sent.Where(m => emails.Contains(m.To)).Should().HaveCount(45, "each learner gets the announcement once");
    }

    [Test]
    public async Task The_daily_digest_replaces_single_mails_with_one_a_day()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new SpocApiFactory { Clock = clock };
        var (client, userId, email) = (await factory.PeopleAsync(1, "digest"))[0];
        (await client.PutAsJsonAsync("/api/v1/me/notification-preferences", new { dailyDigest = true, channels = Array.Empty<object>() })).StatusCode.Should().Be(HttpStatusCode.OK);
        await factory.PublishAsync(GradeFor(userId), GradeFor(userId));
        await TestApi.EventuallyAsync(async () => (await client.FeedAsync()).Count == 2, "both grades reach the feed at once");
        await factory.OutboxDispatchedAsync();
        factory.Emails.Sent.Should().NotContain(m => m.To == email, "no single mail with a digest");

        // The next day's digest time passes: one mail lists both; later checks send nothing more.
        var digest = RecordingEmailSender.Next(email, m => m.Subject.Contains("résumé", StringComparison.Ordinal));
        clock.Advance(TimeSpan.FromDays(1));
        await TestApi.EventuallyAsync(() => { clock.Advance(TimeSpan.FromMinutes(15)); return Task.FromResult(digest.IsCompleted); }, "the digest is sent");
        (await digest).Subject.Should().Contain("2 notification(s)");
        clock.Advance(TimeSpan.FromDays(1));
        await TestApi.EventuallyAsync(() => { clock.Advance(TimeSpan.FromMinutes(15)); return Task.FromResult(true); }, "a later check");
        await TestApi.EventuallyAsync(async () => (await OutboxAsync(factory)).All(e => e.State == EmailState.Sent), "all sent");
        (await OutboxAsync(factory)).Where(e => e.To == email).Should().ContainSingle().Which.DigestOf.Should().NotBeNull();
    }
}
