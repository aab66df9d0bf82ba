using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Community;

/// <summary>Threads and posts in the cohort's forum: Markdown, mentions, replies, edits, tombstones, reactions, answers, attachments, search, unread counts.</summary>
public sealed class ForumTests
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

    [Test]
    public async Task A_learner_opens_a_thread_and_the_trainer_replies_with_a_mention()
    {
        var thread = await _w.ThreadAsync(_w.Learner(0), new { title = "Le chemin critique ?", body = "Comment le **calculer** ?" });
        var threadId = thread["id"]!.GetValue<Guid>();
        thread["authorName"]!.GetValue<string>().Should().Be("Learner 0");
        thread["canReply"]!.GetValue<bool>().Should().BeTrue();
        thread["canModerate"]!.GetValue<bool>().Should().BeFalse();

        var reply = await _w.PostAsync(_w.Trainer, threadId, new { body = "Bonne question @Learner 0, voyez la marge totale. Et @learner 3 aussi." });
        reply["number"]!.GetValue<int>().Should().Be(2);
        reply["byStaff"]!.GetValue<bool>().Should().BeTrue();
        reply["mentionedUserIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).Should().BeEquivalentTo([_w.LearnerId(0), _w.LearnerId(3)]);
        reply["bodyHtml"]!.GetValue<string>().Should().Contain($"<span class=\"mention\" data-user-id=\"{_w.LearnerId(0)}\">@Learner 0</span>");

        var page = await _w.ReadAsync(_w.Learner(0), threadId);
        var posts = page["posts"]!["items"]!.AsArray();
        posts.Select(p => p!["number"]!.GetValue<int>()).Should().Equal(1, 2);
        posts[0]!["bodyHtml"]!.GetValue<string>().Should().Contain("<strong>calculer</strong>");
        posts[0]!["body"]!.GetValue<string>().Should().Be("Comment le **calculer** ?");
        posts[1]!["authorName"]!.GetValue<string>().Should().Be("Trainer Tom");

        var published = (await _w.EventsAsync("ForumPostPublished")).Single(e => e["postId"]!.GetValue<Guid>() == reply["id"]!.GetValue<Guid>());
        published["repliedToUserId"]!.GetValue<Guid>().Should().Be(_w.LearnerId(0), "a reply tells the thread's author");
        published["mentionedUserIds"]!.AsArray().Should().HaveCount(2);
    }

    [Test]
    public async Task Xss_in_titles_posts_and_names_is_neutralised()
    {
        await _w.RenameAsync(_w.LearnerId(3), "<img src=x onerror=alert(1)>");
        var thread = await _w.ThreadAsync(_w.Learner(1), new
        {
            title = "<script>alert('t')</script>",
            body = "<script>alert(1)</script> [clic](javascript:alert(2)) <img src=x onerror=alert(3)> @<img src=x onerror=alert(1)>",
        });
        thread["title"]!.GetValue<string>().Should().Be("<script>alert('t')</script>", "a title is plain text, shown as text by the client");
        var post = (await _w.ReadAsync(_w.Learner(1), thread["id"]!.GetValue<Guid>()))["posts"]!["items"]![0]!;
        var html = post["bodyHtml"]!.GetValue<string>();
        html.Should().NotContain("<script").And.NotContain("javascript:").And.NotContain("<img");
        html.Should().Contain("<span class=\"mention\"").And.Contain("@&lt;img src=x onerror=alert(1)&gt;</span>", "a name is text, escaped");
        await _w.RenameAsync(_w.LearnerId(3), "Learner 3");
    }

    [Test]
    public async Task Authors_edit_and_delete_their_posts_and_a_deleted_post_stays_as_a_tombstone()
    {
        var threadId = (await _w.ThreadAsync(_w.Learner(0), new { title = "Édition", body = "Premier jet" }))["id"]!.GetValue<Guid>();
        var reply = await _w.PostAsync(_w.Learner(1), threadId, new { body = "Réponse" });
        var replyId = reply["id"]!.GetValue<Guid>();
        var answer = await _w.PostAsync(_w.Learner(0), threadId, new { body = "Merci", replyToPostId = replyId });
        answer["replyToNumber"]!.GetValue<int>().Should().Be(2);

        await (await _w.Learner(0).PatchAsJsonAsync($"/api/v1/posts/{replyId}", new { body = "piraté" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await _w.Trainer.PatchAsJsonAsync($"/api/v1/posts/{replyId}", new { body = "piraté" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var edited = await EditAsync(_w.Learner(1), replyId, "Réponse *corrigée*", reply["version"]!.GetValue<Guid>());
        edited.StatusCode.Should().Be(HttpStatusCode.OK);
        (await edited.ReadJsonAsync())["editedAt"].Should().NotBeNull();
        await (await EditAsync(_w.Learner(1), replyId, "Sur une vieille version", reply["version"]!.GetValue<Guid>())).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");

        await (await _w.Learner(0).DeleteAsync($"/api/v1/posts/{replyId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await _w.Learner(1).DeleteAsync($"/api/v1/posts/{replyId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var posts = (await _w.ReadAsync(_w.Learner(0), threadId))["posts"]!["items"]!.AsArray();
        posts.Should().HaveCount(3, "the deleted post keeps its place");
        posts[1]!["isDeleted"]!.GetValue<bool>().Should().BeTrue();
        posts[1]!["body"].Should().BeNull();
        posts[2]!["replyToNumber"]!.GetValue<int>().Should().Be(2);
        await (await _w.Learner(1).PatchAsJsonAsync($"/api/v1/posts/{replyId}", new { body = "revenu" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "post-deleted");

        // Staff delete anyone's post.
        (await _w.Trainer.DeleteAsync($"/api/v1/posts/{answer["id"]}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    private static Task<HttpResponseMessage> EditAsync(HttpClient by, Guid postId, string body, Guid ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/posts/{postId}") { Content = JsonContent.Create(new { body }) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse($"\"{ifMatch:N}\""));
        return by.SendAsync(request);
    }

    [Test]
    public async Task Reactions_count_once_per_person_and_emoji()
    {
        var threadId = (await _w.ThreadAsync(_w.Learner(0), new { title = "Réactions", body = "Votez" }))["id"]!.GetValue<Guid>();
        var postId = (await _w.ReadAsync(_w.Learner(0), threadId))["posts"]!["items"]![0]!["id"]!.GetValue<Guid>();
        foreach (var client in new[] { _w.Learner(1), _w.Learner(1), _w.Trainer })
        {
            (await client.PostAsync($"/api/v1/posts/{postId}/reactions/thumbsup", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        (await _w.Learner(3).PostAsync($"/api/v1/posts/{postId}/reactions/heart", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await _w.Learner(3).PostAsync($"/api/v1/posts/{postId}/reactions/poop", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        (await _w.Learner(3).DeleteAsync($"/api/v1/posts/{postId}/reactions/heart")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var reactions = (await _w.ReadAsync(_w.Learner(1), threadId))["posts"]!["items"]![0]!["reactions"]!.AsArray();
        reactions.Should().ContainSingle();
        reactions[0]!["emoji"]!.GetValue<string>().Should().Be("thumbsup");
        reactions[0]!["count"]!.GetValue<int>().Should().Be(2);
        reactions[0]!["mine"]!.GetValue<bool>().Should().BeTrue();
    }

    [Test]
    public async Task The_author_or_staff_mark_the_answer_and_a_staff_answer_is_flagged()
    {
        var threadId = (await _w.ThreadAsync(_w.Learner(0), new { title = "Question résolue ?", body = "Aide" }))["id"]!.GetValue<Guid>();
        var byLearner = (await _w.PostAsync(_w.Learner(1), threadId, new { body = "Peut-être" }))["id"]!.GetValue<Guid>();
        var byTrainer = (await _w.PostAsync(_w.Trainer, threadId, new { body = "Voici" }))["id"]!.GetValue<Guid>();

        await (await _w.Learner(1).PutAsJsonAsync($"/api/v1/threads/{threadId}/answer", new { postId = byLearner })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var marked = await _w.Learner(0).PutAsJsonAsync($"/api/v1/threads/{threadId}/answer", new { postId = byLearner });
        (await marked.ReadJsonAsync())["answeredByStaff"]!.GetValue<bool>().Should().BeFalse();
        var byStaff = await (await _w.Trainer.PutAsJsonAsync($"/api/v1/threads/{threadId}/answer", new { postId = byTrainer })).ReadJsonAsync();
        byStaff["answerPostId"]!.GetValue<Guid>().Should().Be(byTrainer);
        byStaff["answeredByStaff"]!.GetValue<bool>().Should().BeTrue();

        var listed = (await _w.ListAsync(_w.Learner(0))).Single(t => t!["id"]!.GetValue<Guid>() == threadId)!;
        listed["isAnswered"]!.GetValue<bool>().Should().BeTrue();
        listed["answeredByStaff"]!.GetValue<bool>().Should().BeTrue();
        (await _w.ReadAsync(_w.Learner(0), threadId))["posts"]!["items"]![2]!["isAnswer"]!.GetValue<bool>().Should().BeTrue();
    }

    [Test]
    public async Task Unread_counts_follow_what_each_person_has_read()
    {
        var threadId = (await _w.ThreadAsync(_w.Learner(3), new { title = "Non lus", body = "Début" }))["id"]!.GetValue<Guid>();
        for (var i = 0; i < 3; i++)
        {
            await _w.PostAsync(_w.Trainer, threadId, new { body = $"Réponse {i}" });
        }

        await _w.PostAsync(_w.Learner(3), threadId, new { body = "Ma propre réponse" });
        async Task<int> UnreadAsync() => (await _w.ListAsync(_w.Learner(3))).Single(t => t!["id"]!.GetValue<Guid>() == threadId)!["unreadCount"]!.GetValue<int>();
        (await UnreadAsync()).Should().Be(3, "one's own posts are never unread");
        var summary = await (await _w.Learner(3).GetAsync($"/api/v1/cohorts/{_w.CohortId}/forum")).ReadJsonAsync();
        summary["unreadPosts"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(3);

        await _w.ReadAsync(_w.Learner(3), threadId, "?pageSize=2");
        (await UnreadAsync()).Should().Be(2, "the first page showed one of the trainer's posts");
        await _w.ReadAsync(_w.Learner(3), threadId, "?page=2&pageSize=2");
        await _w.ReadAsync(_w.Learner(3), threadId, "?pageSize=1");
        (await UnreadAsync()).Should().Be(0, "a marker never moves back");

        (await (await _w.Trainer.GetAsync($"/api/v1/cohorts/{_w.CohortId}/threads")).ReadJsonAsync())["items"]!.AsArray()
            .Single(t => t!["id"]!.GetValue<Guid>() == threadId)!["unreadCount"]!.GetValue<int>().Should().Be(2, "the trainer has not read the thread: the learner's two posts");
    }

    [Test]
    public async Task Search_finds_words_in_posts_and_titles_of_the_threads_one_may_read()
    {
        var open = (await _w.ThreadAsync(_w.Learner(0), new { title = "Planification", body = "Le diagramme de Gantt aide à ordonnancer." }))["id"]!.GetValue<Guid>();
        var grouped = (await _w.ThreadAsync(_w.Learner(2), new { title = "Beta", body = "Notre gantt secret", groupId = _w.Beta }))["id"]!.GetValue<Guid>();
        var hidden = await _w.PostAsync(_w.Learner(1), open, new { body = "Un ordonnancement douteux zxq" });
        (await _w.Trainer.PostAsJsonAsync($"/api/v1/posts/{hidden["id"]}/hidden", new { reason = "Hors sujet" })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        async Task<List<Guid>> FindAsync(HttpClient by, string q) => (await _w.ListAsync(by, $"?q={Uri.EscapeDataString(q)}")).Select(t => t!["id"]!.GetValue<Guid>()).ToList();
        (await FindAsync(_w.Learner(0), "GANTT")).Should().Contain(open).And.NotContain(grouped, "another group's space is not searched");
        (await FindAsync(_w.Learner(2), "gantt")).Should().Contain([open, grouped]);
        (await FindAsync(_w.Learner(0), "ordonnanc diagramme")).Should().Contain(open, "words are prefixes, all of them");
        (await FindAsync(_w.Learner(0), "zxq")).Should().NotContain(open, "learners never find hidden posts");
        (await FindAsync(_w.Trainer, "zxq")).Should().Contain(open);
        (await FindAsync(_w.Learner(0), "planif")).Should().Contain(open, "titles are searched too");
        (await FindAsync(_w.Learner(0), "\" OR NEAR( * ^ ")).Should().NotBeNull("the engine's syntax is never read from the user's text");
    }

    [Test]
    public async Task Attachments_are_the_posters_own_uploads_and_are_read_by_the_threads_readers()
    {
        async Task<Guid> UploadAsync(HttpClient by)
        {
            var content = new ByteArrayContent("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"u8.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            return (await (await by.PostAsync("/api/v1/files", new MultipartFormDataContent { { content, "file", "plan.pdf" } })).ReadJsonAsync())["fileId"]!.GetValue<Guid>();
        }

        var mine = await UploadAsync(_w.Learner(0));
        var theirs = await UploadAsync(_w.Learner(1));
        await (await _w.Learner(0).PostAsJsonAsync($"/api/v1/cohorts/{_w.CohortId}/threads", new { title = "Pièce", body = "Jointe", fileIds = new[] { theirs } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var thread = await _w.ThreadAsync(_w.Learner(0), new { title = "Pièce", body = "Jointe", fileIds = new[] { mine }, groupId = _w.Alpha });
        var post = (await _w.ReadAsync(_w.Learner(1), thread["id"]!.GetValue<Guid>()))["posts"]!["items"]![0]!;
        post["attachments"]![0]!["fileName"]!.GetValue<string>().Should().Be("plan.pdf");

        (await _w.Learner(1).GetAsync($"/api/v1/posts/{post["id"]}/files/{mine}")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await _w.Learner(2).GetAsync($"/api/v1/posts/{post["id"]}/files/{mine}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _w.Learner(1).GetAsync($"/api/v1/posts/{post["id"]}/files/{theirs}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
