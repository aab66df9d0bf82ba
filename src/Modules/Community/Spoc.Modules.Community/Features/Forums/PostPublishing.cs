using Mediator;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Platform.Contracts;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>A new post (a thread's opening one or a reply) and, in the same save, the event that tells who it concerns.</summary>
internal static class PostPublishing
{
    public static ForumPost Publish(
        this CommunityDbContext db, ForumThread thread, ForumViewer author, int number, string body, (string Html, List<Guid> Mentioned) rendered,
        List<PostAttachment> attachments, ForumPost? replyTo, DateTimeOffset now)
    {
        var post = new ForumPost
        {
            ThreadId = thread.Id, CohortId = thread.CohortId, Number = number, AuthorId = author.UserId, ByStaff = author.IsStaff,
            ReplyToPostId = replyTo?.Id, Body = body, BodyHtml = rendered.Html, MentionedUserIds = rendered.Mentioned, Attachments = attachments, CreatedAt = now,
        };
        db.ForumPosts.Add(post);
        Guid? repliedTo = number == 1 ? null : replyTo?.AuthorId ?? thread.AuthorId;
        db.AddIntegrationEvent(new ForumPostPublished(thread.CohortId, thread.GroupId, thread.Id, thread.Title, post.Id, author.UserId,
            repliedTo == author.UserId ? null : repliedTo, rendered.Mentioned, now), now);
        return post;
    }

    /// <summary>Display names of these people, in one query.</summary>
    public static async Task<Dictionary<Guid, string>> NamesAsync(this ISender sender, IEnumerable<Guid> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        return ids.Count == 0 ? [] : (await sender.Send(new GetUsers(ids), ct)).ToDictionary(u => u.Id, u => u.DisplayName);
    }
}
