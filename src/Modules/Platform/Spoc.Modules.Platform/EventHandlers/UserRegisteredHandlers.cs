using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
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
        var invitation = await Db.OrganizationInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash && i.NormalizedEmail == normalized && i.AcceptedAt == null, ct);
        if (invitation is not null)
        {
            OrganizationInvitations.Accept(Db, invitation, integrationEvent.UserId, Clock.GetUtcNow());
        }
    }
}

internal sealed class SendWelcomeEmail(PlatformDbContext db, TimeProvider clock, IEmailSender email)
    : IntegrationEventHandler<UserRegistered, PlatformDbContext>(db, clock)
{
    protected override Task HandleOnceAsync(UserRegistered integrationEvent, CancellationToken ct) =>
        email.SendAsync(new EmailMessage(
            integrationEvent.Email,
            "Bienvenue sur Spoc / Welcome to Spoc",
            $"Bonjour {integrationEvent.DisplayName},\n\nVotre compte Spoc est prêt. / Your Spoc account is ready."), ct);
}

/// <summary>
/// Mails the invitation with a single-use link. The token is made here, at sending time, so that it never sits in the
/// outbox: only its hash is stored, committed with this handler's inbox row.
/// </summary>
internal sealed class SendOrganizationInvitationEmail(PlatformDbContext db, TimeProvider clock, IEmailSender email, IConfiguration configuration)
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
        var site = (configuration["Spoc:PublicUrl"] is { Length: > 0 } url ? url : "http://localhost:5080").TrimEnd('/');
        await email.SendAsync(new EmailMessage(
            invited.Email,
            $"Invitation : {invited.OrganizationName} / Invitation: {invited.OrganizationName}",
            $"{invited.OrganizationName} vous invite sur Spoc ({invited.Role}). Créez votre compte ou connectez-vous avec ce lien :\n"
            + $"{invited.OrganizationName} invites you to Spoc ({invited.Role}). Create your account or sign in with this link:\n\n"
            + $"{site}/register?invitation={token}\n\nInvitation code: {token}"), ct);
    }
}

internal static class OrganizationInvitations
{
    public static void Accept(PlatformDbContext db, OrganizationInvitation invitation, Guid userId, DateTimeOffset now)
    {
        invitation.AcceptedAt = now;
        db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = invitation.OrganizationId, UserId = userId, Role = invitation.Role, JoinedAt = now });
    }
}
