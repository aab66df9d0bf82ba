using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Outbox;

namespace Spoc.Modules.Platform.EventHandlers;

/// <summary>Invitations waiting for this email become memberships with the role they were sent with.</summary>
internal sealed class AcceptPendingInvitations(PlatformDbContext db, TimeProvider clock)
    : IntegrationEventHandler<UserRegistered, PlatformDbContext>(db, clock)
{
    protected override async Task HandleOnceAsync(UserRegistered integrationEvent, CancellationToken ct)
    {
        var normalized = User.Normalize(integrationEvent.Email);
        var invitations = await Db.OrganizationInvitations
            .Where(i => i.NormalizedEmail == normalized && i.AcceptedAt == null)
            .ToListAsync(ct);
        var now = Clock.GetUtcNow();
        foreach (var invitation in invitations)
        {
            invitation.AcceptedAt = now;
            Db.OrganizationMembers.Add(new OrganizationMember
            {
                OrganizationId = invitation.OrganizationId, UserId = integrationEvent.UserId, Role = invitation.Role, JoinedAt = now,
            });
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

internal sealed class SendOrganizationInvitationEmail(PlatformDbContext db, TimeProvider clock, IEmailSender email)
    : IntegrationEventHandler<OrganizationInvitationCreated, PlatformDbContext>(db, clock)
{
    protected override Task HandleOnceAsync(OrganizationInvitationCreated integrationEvent, CancellationToken ct) =>
        email.SendAsync(new EmailMessage(
            integrationEvent.Email,
            $"Invitation : {integrationEvent.OrganizationName} / Invitation: {integrationEvent.OrganizationName}",
            $"{integrationEvent.OrganizationName} vous invite sur Spoc ({integrationEvent.Role}). Créez votre compte avec cette adresse.\n\n"
            + $"{integrationEvent.OrganizationName} invites you to Spoc ({integrationEvent.Role}). Create your account with this address."), ct);
}
