using System.Net;
using AwesomeAssertions;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;

namespace Spoc.Api.Tests.Community;

/// <summary>A thread page and the forum list cost the same number of statements whatever their size; parallel writes lose nothing.</summary>
public sealed class ForumCostTests
{
    private SpocApiFactory _factory = null!;
    private ForumWorld _w = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _w = await ForumWorld.CreateAsync(_factory);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    /// <summary>A thread with <paramref name="posts"/> posts by the four learners and the trainer, replies, reactions, one hidden, one deleted.</summary>
    private async Task<Guid> SeedThreadAsync(int posts, Guid? groupId = null)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        var authors = Enumerable.Range(0, 4).Select(_w.LearnerId).Append(_w.TrainerId).ToList();
        var now = DateTimeOffset.UtcNow;
        var thread = new ForumThread { CohortId = _w.CohortId, GroupId = groupId, Title = $"Fil de {posts}", AuthorId = authors[0], CreatedAt = now, LastPostAt = now, PostCount = posts };
        db.ForumThreads.Add(thread);
        ForumPost? previous = null;
        for (var n = 1; n <= posts; n++)
        {
            var post = new ForumPost
            {
                ThreadId = thread.Id, CohortId = _w.CohortId, Number = n, AuthorId = authors[n % authors.Count], Body = $"Message {n}", BodyHtml = $"<p>Message {n}</p>",
                ReplyToPostId = n % 3 == 0 ? previous?.Id : null, CreatedAt = now.AddMinutes(n), HiddenAt = n == 5 ? now : null, DeletedAt = n == 7 ? now : null,
                Attachments = n % 4 == 0 ? [new PostAttachment(Guid.NewGuid(), "plan.pdf", "application/pdf", 10)] : [],
            };
            db.ForumPosts.Add(post);
            db.PostReactions.Add(new PostReaction { PostId = post.Id, UserId = authors[(n + 1) % authors.Count], Emoji = n % 2 == 0 ? "heart" : "thumbsup" });
            previous = post;
        }

        await db.SaveChangesAsync();
        return thread.Id;
    }

    private async Task<int> CountAsync(HttpClient by, string url, bool coldCache = true)
    {
        _factory.Queries.Reset(coldCache);
        var response = await by.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return _factory.Queries.Count;
    }

    [Test]
    public async Task A_reader_seen_a_moment_ago_is_known_without_asking_Platform_again_until_Platform_changes_them()
    {
        var thread = await SeedThreadAsync(20, _w.Alpha);
        var reader = _w.Learner(0);
        await CountAsync(reader, $"/api/v1/threads/{thread}?pageSize=20");

        // Their organisations, their place in the cohort and the authors' names are in memory (ADR 0056, 0057): the thread, the page, its reactions.
        (await CountAsync(reader, $"/api/v1/threads/{thread}?pageSize=20", coldCache: false)).Should().Be(3);

        // A change Platform saves is forgotten at once: the next page asks for that author's name again, and shows the new one.
        await _w.RenameAsync(_w.LearnerId(1), "Learner Renamed");
        (await CountAsync(reader, $"/api/v1/threads/{thread}?pageSize=20", coldCache: false)).Should().Be(4);
        var page = await (await reader.GetAsync($"/api/v1/threads/{thread}?pageSize=20")).ReadJsonAsync();
        page["posts"]!["items"]!.AsArray().Select(p => p!["authorName"]!.GetValue<string>()).Should().Contain("Learner Renamed");
    }

    [Test]
    public async Task A_thread_page_of_20_posts_and_one_of_100_run_the_same_statements()
    {
        var small = await SeedThreadAsync(20, _w.Alpha);
        var large = await SeedThreadAsync(100, _w.Alpha);
        foreach (var reader in new[] { _w.Learner(0), _w.Trainer })
        {
            // The thread with the reader's marker, the access check (their organisations, their place in the cohort: two),
            // the page, its reactions, the authors' names; then the marker's one write, when the page goes past it.
            (await CountAsync(reader, $"/api/v1/threads/{small}?pageSize=10")).Should().Be(7, "a first read: the marker's insert");
            (await CountAsync(reader, $"/api/v1/threads/{large}?pageSize=10")).Should().Be(7);
            (await CountAsync(reader, $"/api/v1/threads/{small}?pageSize=20")).Should().Be(7, "a read further on: the marker's conditional update");
            (await CountAsync(reader, $"/api/v1/threads/{large}?pageSize=100")).Should().Be(7);
            (await CountAsync(reader, $"/api/v1/threads/{small}?pageSize=20")).Should().Be(6, "a page already read writes nothing");
            (await CountAsync(reader, $"/api/v1/threads/{large}?pageSize=100")).Should().Be(6);
        }

        (await _w.ListAsync(_w.Learner(0), "?pageSize=100")).Where(t => t!["id"]!.GetValue<Guid>() == small || t["id"]!.GetValue<Guid>() == large)
            .Select(t => t!["unreadCount"]!.GetValue<int>()).Should().Equal([0, 0], "every post was shown, so the markers moved");
    }

    [Test]
    public async Task The_forum_list_runs_the_same_statements_for_5_threads_and_for_30()
    {
        for (var i = 0; i < 30; i++)
        {
            await SeedThreadAsync(3, i % 3 == 0 ? _w.Alpha : null);
        }

        foreach (var reader in new[] { _w.Learner(1), _w.Trainer })
        {
            // The access check (two), the page with its total and counts, the names.
            (await CountAsync(reader, $"/api/v1/cohorts/{_w.CohortId}/threads?pageSize=5")).Should().Be(4);
            (await CountAsync(reader, $"/api/v1/cohorts/{_w.CohortId}/threads?pageSize=30")).Should().Be(4);
            (await CountAsync(reader, $"/api/v1/cohorts/{_w.CohortId}/threads?pageSize=30&q=message")).Should().Be(4, "searching adds no statement");
        }

        var past = await _w.Learner(1).GetAsync($"/api/v1/cohorts/{_w.CohortId}/threads?page=50");
        (await past.ReadJsonAsync())["totalCount"]!.GetValue<int>().Should().BePositive("a page past the end still tells the total");
    }

    [Test]
    public async Task Parallel_reactions_and_reads_lose_nothing()
    {
        var threadId = await SeedThreadAsync(4);
        var postId = (await _w.ReadAsync(_w.Trainer, threadId))["posts"]!["items"]![0]!["id"]!.GetValue<Guid>();
        var people = Enumerable.Range(0, 4).Select(_w.Learner).Append(_w.Trainer).Append(_w.Mentor).ToList();

        var reactions = await Task.WhenAll(people.SelectMany(p => Enumerable.Repeat(p, 4)).Select(p => p.PostAsync($"/api/v1/posts/{postId}/reactions/tada", null)));
        reactions.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.NoContent);
        var tada = (await _w.ReadAsync(_w.Learner(0), threadId))["posts"]!["items"]![0]!["reactions"]!.AsArray().Single(r => r!["emoji"]!.GetValue<string>() == "tada")!;
        tada["count"]!.GetValue<int>().Should().Be(people.Count, "one per person, however many times each asked at once");

        var reads = await Task.WhenAll(Enumerable.Range(1, 8).Select(size => _w.Learner(3).GetAsync($"/api/v1/threads/{threadId}?pageSize={(size % 4) + 1}")));
        reads.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        (await _w.ListAsync(_w.Learner(3))).Single(t => t!["id"]!.GetValue<Guid>() == threadId)!["unreadCount"]!.GetValue<int>()
            .Should().Be(0, "the furthest read wins, whatever order the parallel reads ended in");
    }
}
