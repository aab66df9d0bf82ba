using Mediator;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Community.Notifications;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Email;

namespace Spoc.Modules.Community.EventHandlers;

/// <summary>
/// An organisation invited an address: when it belongs to an account by the time the event is handled (it registered
/// meanwhile), that person also finds it in their feed. Platform mails the invitation link itself, as an account mail.
/// </summary>
internal sealed class NotifyInvitedMember(CommunityDbContext db, TimeProvider clock, Notifier notifier, ISender sender)
    : NotifyingHandler<OrganizationInvitationCreated>(db, clock, notifier)
{
    protected override async Task HandleOnceAsync(OrganizationInvitationCreated invited, CancellationToken ct)
    {
        var accounts = await sender.Send(new FindUsersByEmail([invited.Email]), ct);
        await Notifier.AddAsync(NotificationKind.Invitation, accounts.Select(a => a.Id), user => new Composed(
            MailTemplate.In(user.PreferredLanguage, $"Invitation à rejoindre {invited.OrganizationName}", $"Invitation to join {invited.OrganizationName}"),
            null, "/"), ct);
    }
}
