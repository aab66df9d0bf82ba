using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Community.Live;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Email;

namespace Spoc.Modules.Community.Notifications;

/// <summary>A notification as one recipient reads it, in their language: the feed's line, a detail, the web app's path.</summary>
internal sealed record Composed(string Title, string? Summary, string Link);

/// <summary>
/// Writes notifications as each recipient chose (<see cref="NotificationSettings"/>): a feed entry, a mail in the email
/// outbox, or a line of tomorrow's digest, all in the caller's unit of work; after the caller commits,
/// <see cref="DeliveredAsync"/> wakes the mail sender and tells the live hub whose feed changed.
/// Two statements per call whatever the number of recipients (their accounts, their settings).
/// </summary>
internal sealed class Notifier(CommunityDbContext db, ISender sender, IPublisher publisher, TimeProvider clock, PublicSite site, EmailSignal signal)
{
    private readonly HashSet<Guid> _feedsChanged = [];
    private bool _mailQueued;

    public async Task AddAsync(NotificationKind kind, IEnumerable<Guid> recipients, Func<UserSummary, Composed> compose, CancellationToken ct)
    {
        var ids = recipients.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var users = await sender.Send(new GetUsers(ids), ct);
        var settings = await db.NotificationSettings.AsNoTracking().Where(s => ids.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, ct);
        var now = clock.GetUtcNow();
        foreach (var user in users)
        {
            var chosen = settings.GetValueOrDefault(user.Id);
            var channel = chosen?.ChannelOf(kind) ?? NotificationSettings.Default(kind);
            if (channel == NotificationChannel.None)
            {
                continue;
            }

            var text = compose(user);
            var inApp = channel is NotificationChannel.InApp or NotificationChannel.Both;
            // An invitation's mail is Platform's own (with its link): a second one would say the same thing.
            var byMail = channel is NotificationChannel.Email or NotificationChannel.Both && kind != NotificationKind.Invitation;
            var digest = byMail && chosen?.DailyDigest == true;
            db.Notifications.Add(new Notification
            {
                UserId = user.Id, Kind = kind, Title = Cut(text.Title, 300), Summary = text.Summary is null ? null : Cut(text.Summary, 500), Link = text.Link,
                CreatedAt = now, InFeed = inApp, AwaitsDigest = digest,
            });
            if (inApp)
            {
                _feedsChanged.Add(user.Id);
            }

            if (byMail && !digest)
            {
                var mail = MailTemplate.Compose(user.Email, user.PreferredLanguage, user.DisplayName, text.Title,
                    text.Summary is null ? text.Title : $"{text.Title}\n\n{text.Summary}", site.Link(text.Link), site);
                db.NotificationEmails.Add(new NotificationEmail { UserId = user.Id, To = mail.To, Subject = Cut(mail.Subject, 400), Body = mail.Body, CreatedAt = now, DueAt = now });
                _mailQueued = true;
            }
        }
    }

    /// <summary>After the commit: mail goes out now rather than at the next poll, and the live hub pushes to those whose feed changed.</summary>
    public async Task DeliveredAsync(CancellationToken ct)
    {
        if (_mailQueued)
        {
            signal.Wake();
        }

        var changed = _feedsChanged.ToList();
        _feedsChanged.Clear();
        _mailQueued = false;
        if (changed.Count > 0)
        {
            await publisher.Publish(new NotificationsDelivered(changed), ct);
        }
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
