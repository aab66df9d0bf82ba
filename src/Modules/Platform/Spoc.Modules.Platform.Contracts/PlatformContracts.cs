using Mediator;
using Spoc.SharedKernel.Messaging;

namespace Spoc.Modules.Platform.Contracts;

/// <summary>Roles inside an organisation (API.md, Roles). The platform <c>Admin</c> may act as an OrgAdmin everywhere.</summary>
public enum OrganizationRole
{
    OrgAdmin,
    Trainer,
    Mentor,
    Learner,
}

/// <summary>A person created an account; pending organisation invitations for their email become memberships.</summary>
public sealed record UserRegistered(Guid UserId, string Email, string DisplayName) : IntegrationEvent;

/// <summary>An organisation admin invited an email that has no account yet.</summary>
public sealed record OrganizationInvitationCreated(Guid OrganizationId, string OrganizationName, string Email, OrganizationRole Role) : IntegrationEvent;

/// <summary>
/// The caller's standing in an organisation, for other modules' authorization: <c>null</c> when the organisation
/// does not exist or the user is not in it (answer 404 then), otherwise the role (platform admins count as OrgAdmin).
/// </summary>
public sealed record GetOrganizationRole(Guid OrganizationId, Guid UserId) : IQuery<OrganizationRole?>;
