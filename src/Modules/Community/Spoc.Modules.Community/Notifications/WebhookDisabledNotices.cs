using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Outbox;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Community.Notifications;

/// <summary>
/// A disabled webhook becomes a WebhookDisabled notification to its organisation's admins. The notice's id goes into
/// Community's inbox in the same commit, as <see cref="FollowUpSummaries"/> does, so a second request writes nothing.
/// </summary>
internal sealed class WebhookDisabledNotices(CommunityDbContext db, Notifier notifier, TimeProvider clock) : ICommandHandler<SendWebhookDisabledNotice, bool>
{
    private const string Inbox = "WebhookDisabledNotice";

    public async ValueTask<bool> Handle(SendWebhookDisabledNotice command, CancellationToken cancellationToken)
    {
        if (command.RecipientIds.Count == 0 || await db.InboxRecords.AnyAsync(r => r.EventId == command.NoticeId && r.Handler == Inbox, cancellationToken))
        {
            return false;
        }

        await notifier.AddAsync(NotificationKind.WebhookDisabled, command.RecipientIds, user => new Composed(
            MailTemplate.In(user.PreferredLanguage, "Webhook désactivé après une journée d'échecs", "Webhook disabled after a day of failures"),
            MailTemplate.In(user.PreferredLanguage,
                $"Toutes les livraisons vers {command.Url} échouent depuis le {command.FailingSince:u}. Les événements suivants sont gardés : corrigez le récepteur, envoyez un test, puis réactivez le webhook.",
                $"Every delivery to {command.Url} has failed since {command.FailingSince:u}. Further events are kept: fix the receiver, send a test ping, then enable the webhook again."),
            $"/organization/webhooks/{command.WebhookId}"), cancellationToken);
        db.InboxRecords.Add(new InboxRecord { EventId = command.NoticeId, Handler = Inbox, HandledAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear(); // another instance wrote it a moment ago
            return false;
        }

        await notifier.DeliveredAsync(cancellationToken);
        return true;
    }
}

/// <summary>What a notice may carry: the webhook's URL as Integrations stores it.</summary>
internal sealed class SendWebhookDisabledNoticeValidator : AbstractValidator<SendWebhookDisabledNotice>
{
    public SendWebhookDisabledNoticeValidator() => RuleFor(c => c.Url).NotEmpty().MaximumLength(2000);
}
