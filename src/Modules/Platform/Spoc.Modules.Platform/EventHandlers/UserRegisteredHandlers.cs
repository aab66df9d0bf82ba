using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Outbox;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.EventHandlers;

/// <summary>
/// Someone registered through an invitation link: that invitation (and only that one, for that same email) becomes a
/// membership with its role. Registering with an invited address but without the link grants nothing.
/// </summary>
internal sealed class AcceptPendingInvitations(PlatformDbContext db, TimeProvider clock)
    : IntegrationEventHandler<UserRegistered, PlatformDbContext>(db, clock)
{
    protected override async Task HandleOnceAsync(UserRegistered integrationEvent, CancellationToken ct)
    {
        if (integrationEvent.InvitationTokenHash is not { } hash)
        {
            return;
        }

        var normalized = User.Normalize(integrationEvent.Email);
        // A suspended organisation takes no new members: the invitation stays pending until it is reactivated.
        var invitation = await Db.OrganizationInvitations.FirstOrDefaultAsync(
            i => i.TokenHash == hash && i.NormalizedEmail == normalized && i.AcceptedAt == null
                && Db.Organizations.Any(o => o.Id == i.OrganizationId && o.SuspendedAt == null), ct);
        if (invitation is not null)
        {
            OrganizationInvitations.Accept(Db, invitation, integrationEvent.UserId, Clock.GetUtcNow());
        }
    }
}

/// <summary>
/// Mails the invitation with a single-use link. The token is made here, at sending time, so that it never sits in the
/// outbox: only its hash is stored, committed with this handler's inbox row.
/// </summary>
internal sealed class SendOrganizationInvitationEmail(PlatformDbContext db, TimeProvider clock, IEmailSender email, PublicSite site)
    : IntegrationEventHandler<OrganizationInvitationCreated, PlatformDbContext>(db, clock)
{
    protected override async Task HandleOnceAsync(OrganizationInvitationCreated invited, CancellationToken ct)
    {
        var normalized = User.Normalize(invited.Email);
        var invitation = await Db.OrganizationInvitations.FirstOrDefaultAsync(i => i.OrganizationId == invited.OrganizationId && i.NormalizedEmail == normalized && i.AcceptedAt == null, ct);
        if (invitation is null)
        {
            return;
        }

        var token = SecretTokens.New();
        invitation.TokenHash = SecretTokens.Hash(token);
        // The invitee has no account, hence no language yet: they get the one of the admin who invited them.
        var language = await Db.Users.Where(u => u.Id == invitation.InvitedBy).Select(u => u.PreferredLanguage).FirstOrDefaultAsync(ct);
        await email.SendAsync(OrganizationInvitationMail.Compose(invited, language ?? Languages.French, site.Link($"/register?invitation={token}"), token, site), ct);
    }
}

/// <summary>The invitation's wording, in French and in English.</summary>
internal static class OrganizationInvitationMail
{
    public static EmailMessage Compose(OrganizationInvitationCreated invited, string language, string link, string token, PublicSite site) =>
        MailTemplate.Compose(invited.Email, language, displayName: null,
            MailTemplate.In(language, $"Invitation : {invited.OrganizationName}", $"Invitation: {invited.OrganizationName}"),
            MailTemplate.In(language,
                $"{invited.OrganizationName} vous invite sur Spoc ({invited.Role}). Créez votre compte ou connectez-vous avec ce lien (code d'invitation : {token}) :",
                $"{invited.OrganizationName} invites you to Spoc ({invited.Role}). Create your account or sign in with this link (invitation code: {token}):"),
            link, site);
}

internal static class OrganizationInvitations
{
    public static void Accept(PlatformDbContext db, OrganizationInvitation invitation, Guid userId, DateTimeOffset now)
    {
        invitation.AcceptedAt = now;
        db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = invitation.OrganizationId, UserId = userId, Role = invitation.Role, JoinedAt = now });
    }
}
