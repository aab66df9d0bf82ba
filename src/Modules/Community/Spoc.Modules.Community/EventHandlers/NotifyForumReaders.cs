using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Community.Notifications;
using Spoc.SharedKernel.Email;

namespace Spoc.Modules.Community.EventHandlers;

/// <summary>A forum post tells the author it answers (kind Reply) and each person it names with @ (kind Mention), once each.</summary>
internal sealed class NotifyRepliedAndMentioned(CommunityDbContext db, TimeProvider clock, Notifier notifier) : NotifyingHandler<ForumPostPublished>(db, clock, notifier)
{
    protected override async Task HandleOnceAsync(ForumPostPublished post, CancellationToken ct)
    {
        var link = $"/threads/{post.ThreadId}";
        var replied = post.RepliedToUserId is { } to && to != post.AuthorId ? new[] { to } : [];
        await Notifier.AddAsync(NotificationKind.Reply, replied, user => new Composed(
            MailTemplate.In(user.PreferredLanguage, $"Nouvelle réponse dans « {post.ThreadTitle} »", $"New reply in “{post.ThreadTitle}”"), null, link), ct);
        // Someone both answered and named hears of it once, as the reply.
        await Notifier.AddAsync(NotificationKind.Mention, post.MentionedUserIds.Where(id => id != post.AuthorId).Except(replied), user => new Composed(
            MailTemplate.In(user.PreferredLanguage, $"Vous êtes mentionné·e dans « {post.ThreadTitle} »", $"You were mentioned in “{post.ThreadTitle}”"), null, link), ct);
    }
}

/// <summary>An announcement reaches every recipient (kind Announcement), in the app and by mail as each chose.</summary>
internal sealed class NotifyAnnouncementRecipients(CommunityDbContext db, TimeProvider clock, Notifier notifier) : NotifyingHandler<AnnouncementPublished>(db, clock, notifier)
{
    protected override Task HandleOnceAsync(AnnouncementPublished announcement, CancellationToken ct) =>
        Notifier.AddAsync(NotificationKind.Announcement, announcement.RecipientIds.Where(id => id != announcement.AuthorId), user => new Composed(
            MailTemplate.In(user.PreferredLanguage, $"Annonce : {announcement.Title}", $"Announcement: {announcement.Title}"), null, $"/threads/{announcement.ThreadId}"), ct);
}
