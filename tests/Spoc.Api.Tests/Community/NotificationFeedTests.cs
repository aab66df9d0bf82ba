using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Platform.Contracts;

namespace Spoc.Api.Tests.Community;

/// <summary>The in-app feed: fed by every module's events through the outbox, read, counted and marked read by its owner only.</summary>
public sealed class NotificationFeedTests
{
    private SpocApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new SpocApiFactory();

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task Every_kind_of_event_reaches_the_right_people_once()
    {
        var people = await _factory.PeopleAsync(4, "reader");
        var (learner, author, named, other) = (people[0], people[1], people[2], people[3]);
        var cohortId = Guid.NewGuid();
        var threadId = Guid.NewGuid();
        await _factory.PublishAsync(
            new ApplicationDecided(cohortId, "Cohorte hiver", Guid.NewGuid(), learner.Id, ApplicationStatus.Admitted, "Bienvenue"),
            new GradeReleased(cohortId, Guid.NewGuid(), Guid.NewGuid(), learner.Id, 14.5m, 20m, DateTimeOffset.UtcNow),
            new RevisionRequested(cohortId, Guid.NewGuid(), Guid.NewGuid(), learner.Id, DateTimeOffset.UtcNow),
            new ForumPostPublished(cohortId, null, threadId, "Planning <b>sprint</b>", Guid.NewGuid(), author.Id, learner.Id, [learner.Id, named.Id, author.Id], DateTimeOffset.UtcNow),
            new AnnouncementPublished(cohortId, threadId, "Séance de jeudi", author.Id, [learner.Id, named.Id, author.Id], DateTimeOffset.UtcNow),
            new OrganizationInvitationCreated(Guid.NewGuid(), "Acme", named.Email, OrganizationRole.Learner));
        await _factory.OutboxDispatchedAsync();

        var feed = await learner.Client.FeedAsync();
        feed.Select(n => n!["kind"]!.GetValue<string>()).Should().BeEquivalentTo(["Admission", "GradeReleased", "RevisionRequested", "Reply", "Announcement"],
            "a person both answered and named hears of it once, as the reply");
        feed.Single(n => n!["kind"]!.GetValue<string>() == "Admission")!["title"]!.GetValue<string>().Should().Be("Cohorte hiver : Vous êtes admis·e");
        feed.Single(n => n!["kind"]!.GetValue<string>() == "Reply")!["link"]!.GetValue<string>().Should().Be($"/threads/{threadId}");
        feed.Should().OnlyContain(n => n!["readAt"] == null);
        (await learner.Client.UnreadAsync()).Should().Be(5);

        (await named.Client.FeedAsync()).Select(n => n!["kind"]!.GetValue<string>()).Should().BeEquivalentTo(["Mention", "Announcement", "Invitation"]);
        (await author.Client.FeedAsync()).Should().BeEmpty("nobody is told of their own post");
        (await other.Client.FeedAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task Marking_read_is_idempotent_and_only_for_the_owner()
    {
        var (learner, other) = ((await _factory.PeopleAsync(2, "marker"))[0], (await _factory.PeopleAsync(1, "other"))[0]);
        await SeedAsync(learner.Id, 3);
        var feed = await learner.Client.FeedAsync();
        var first = feed[0]!["id"]!.GetValue<Guid>();

        (await learner.Client.PostAsync($"/api/v1/me/notifications/{first}/read", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var readAt = (await learner.Client.FeedAsync())[0]!["readAt"]!.GetValue<DateTimeOffset>();
        (await learner.Client.PostAsync($"/api/v1/me/notifications/{first}/read", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await learner.Client.FeedAsync())[0]!["readAt"]!.GetValue<DateTimeOffset>().Should().Be(readAt, "the first reading time stays");
        await (await other.Client.PostAsync($"/api/v1/me/notifications/{first}/read", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        (await other.Client.FeedAsync()).Should().BeEmpty();
        (await learner.Client.UnreadAsync()).Should().Be(2);
        (await learner.Client.FeedAsync("?unreadOnly=true")).Should().HaveCount(2);

        // upTo: what arrived after the newest the caller saw stays unread.
        var seen = feed[2]!["createdAt"]!.GetValue<DateTimeOffset>();
        var marked = await (await learner.Client.PostAsync($"/api/v1/me/notifications/read-all?upTo={Uri.EscapeDataString(seen.ToString("O"))}", null)).ReadJsonAsync();
        marked["marked"]!.GetValue<int>().Should().Be(1);
        (await learner.Client.UnreadAsync()).Should().Be(1);
        (await (await learner.Client.PostAsync("/api/v1/me/notifications/read-all", null)).ReadJsonAsync())["marked"]!.GetValue<int>().Should().Be(1);
        (await (await learner.Client.PostAsync("/api/v1/me/notifications/read-all", null)).ReadJsonAsync())["marked"]!.GetValue<int>().Should().Be(0);
        (await learner.Client.UnreadAsync()).Should().Be(0);
    }

    [Test]
    public async Task Mark_all_read_racing_new_notifications_loses_none()
    {
        var learner = (await _factory.PeopleAsync(1, "racer"))[0];
        await SeedAsync(learner.Id, 10);
        var feed = await learner.Client.FeedAsync("?pageSize=100");

        // Reads, mark-all-reads and new arrivals at once: the count is always what the rows say, never a drifting counter.
        var work = feed.Select(n => learner.Client.PostAsync($"/api/v1/me/notifications/{n!["id"]}/read", null))
            .Concat(Enumerable.Range(0, 5).Select(_ => learner.Client.PostAsync("/api/v1/me/notifications/read-all", null)))
            .Select(async t => (await t).EnsureSuccessStatusCode())
            .Append(SeedAsync(learner.Id, 10));
        await Task.WhenAll(work);

        var all = await learner.Client.FeedAsync("?pageSize=100");
        all.Should().HaveCount(20);
        (await learner.Client.UnreadAsync()).Should().Be(all.Count(n => n!["readAt"] == null));
        all.Where(n => feed.Any(f => f!["id"]!.GetValue<Guid>() == n!["id"]!.GetValue<Guid>())).Should().OnlyContain(n => n!["readAt"] != null);
    }

    [Test]
    public async Task The_feed_runs_as_many_statements_for_20_as_for_100_notifications()
    {
        async Task<int> StatementsFor(int count)
        {
            var learner = (await _factory.PeopleAsync(1, "counted"))[0];
            await SeedAsync(learner.Id, count);
            _ = await learner.Client.FeedAsync("?pageSize=100"); // warm
            _factory.Queries.Reset();
            (await learner.Client.FeedAsync("?pageSize=100")).Should().HaveCount(count);
            return _factory.Queries.Count;
        }

        (await StatementsFor(20)).Should().Be(await StatementsFor(100));
    }

    /// <summary>Rows as the handlers write them, straight into the table: the feed's reads are under test, not the writers.</summary>
    private async Task SeedAsync(Guid userId, int count)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        // Whole seconds, an hour ago: times round-trip exactly through JSON and the query string.
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3600);
        db.Notifications.AddRange(Enumerable.Range(0, count).Select(i => new Notification
        {
            UserId = userId, Kind = NotificationKind.GradeReleased, Title = $"Note {i}", Link = "/", CreatedAt = start.AddSeconds(i),
        }));
        await db.SaveChangesAsync();
    }
}
