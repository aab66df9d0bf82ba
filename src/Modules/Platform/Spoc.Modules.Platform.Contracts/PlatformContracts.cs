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

/// <summary>
/// A person created an account. When they registered through an invitation link, <c>InvitationTokenHash</c> names that
/// invitation (its hash, never the token) and it becomes a membership: following the emailed link proves the address is theirs.
/// </summary>
public sealed record UserRegistered(Guid UserId, string Email, string DisplayName, string? InvitationTokenHash = null) : IntegrationEvent;

/// <summary>An organisation admin invited an email that has no account yet.</summary>
public sealed record OrganizationInvitationCreated(Guid OrganizationId, string OrganizationName, string Email, OrganizationRole Role) : IntegrationEvent;

/// <summary>
/// An org admin removed someone from the organisation. Their cohort seats and roles stay as they are (a learner keeps
/// learning, a cohort keeps its trainer); a module that must end what the membership gave can react to it (docs/adr/0041).
/// </summary>
public sealed record OrganizationMemberRemoved(Guid OrganizationId, Guid UserId, OrganizationRole Role) : IntegrationEvent;

/// <summary>
/// The platform admin suspended or reactivated an organisation. Modules that keep something of it ask
/// <see cref="GetOrganizations"/> for its state when they handle this, so events handled out of order still end right.
/// </summary>
public sealed record OrganizationSuspensionChanged(Guid OrganizationId) : IntegrationEvent;

/// <summary>
/// The caller's standing in an organisation, for other modules' authorization: <c>null</c> when the organisation
/// does not exist or the user is not in it (answer 404 then), otherwise the role (platform admins count as OrgAdmin, and so
/// does an active API client in its own organisation: what it may call is narrowed by its scopes, ADR 0044).
/// A suspended organisation's memberships count for nothing here nor in the other membership queries (docs/adr/0041).
/// </summary>
public sealed record GetOrganizationRole(Guid OrganizationId, Guid UserId) : IQuery<OrganizationRole?>;

/// <summary>
/// Whether an API client's tokens still count (ADR 0044): it exists, is not revoked, and its organisation is not suspended.
/// The host asks it when it authenticates a client's token (cached a few seconds).
/// </summary>
public sealed record IsApiClientActive(Guid ClientId) : IQuery<bool>;

/// <summary><c>PreferredLanguage</c> (fr, en) is the language to write to this person in.</summary>
public sealed record UserSummary(Guid Id, string Email, string DisplayName, string PreferredLanguage = "fr");

/// <summary>Names and emails of the given users, in one query whatever their number; unknown ids are left out.</summary>
public sealed record GetUsers(IReadOnlyCollection<Guid> UserIds) : IQuery<IReadOnlyList<UserSummary>>;

/// <summary>Accounts of the given emails (compared case-insensitively); emails without an account are left out.</summary>
public sealed record FindUsersByEmail(IReadOnlyCollection<string> Emails) : IQuery<IReadOnlyList<UserSummary>>;

public sealed record OrganizationMembershipSummary(Guid OrganizationId, string Name, OrganizationRole Role);

/// <summary>
/// Every organisation the user belongs to, with the role; plus <c>IsPlatformAdmin</c> for "may act as OrgAdmin everywhere".
/// For an active API client: its one organisation, as OrgAdmin (ADR 0044).
/// </summary>
public sealed record GetUserOrganizations(Guid UserId) : IQuery<UserOrganizations>;

public sealed record UserOrganizations(bool IsPlatformAdmin, IReadOnlyList<OrganizationMembershipSummary> Memberships);

/// <summary>The organisations among the given ids that exist, with their names.</summary>
public sealed record GetOrganizations(IReadOnlyCollection<Guid> OrganizationIds) : IQuery<IReadOnlyList<OrganizationSummary>>;

public sealed record OrganizationSummary(Guid Id, string Name, bool IsSuspended);

public sealed record MembershipOfUser(Guid UserId, Guid OrganizationId, OrganizationRole Role);

/// <summary>Which of these users belong to which of these organisations, in one query (bulk enrolment checks).</summary>
public sealed record GetMemberships(IReadOnlyCollection<Guid> UserIds, IReadOnlyCollection<Guid> OrganizationIds) : IQuery<IReadOnlyList<MembershipOfUser>>;

/// <summary>
/// The ids of the organisation's members, in one query; empty for an unknown or suspended one. FollowUp asks for all
/// (an organisation's skills view), Integrations for its admins (<paramref name="Role"/>: a webhook was disabled).
/// </summary>
public sealed record GetOrganizationMemberIds(Guid OrganizationId, OrganizationRole? Role = null) : IQuery<IReadOnlyList<Guid>>;

/// <summary>Who the user is and where they belong, for <c>GET /me</c> (composed by the host); <c>null</c> when there is no such account.</summary>
public sealed record GetUserProfile(Guid UserId) : IQuery<UserProfile?>;

/// <summary><c>Organizations</c> ordered by name; <c>Version</c> is the profile's concurrency token (the ETag <c>PUT /me</c> expects).</summary>
public sealed record UserProfile(Guid Id, string Email, string DisplayName, string Language, bool IsPlatformAdmin, IReadOnlyList<ProfileOrganization> Organizations, Guid Version);

public sealed record ProfileOrganization(Guid OrganizationId, string Name, string Slug, OrganizationRole Role);

public sealed record StoredFileInfo(Guid Id, Guid OwnerId, string FileName, string ContentType, long Size);

/// <summary>The metadata of those of these uploads that exist, in one query; modules check who may see a file before opening it.</summary>
public sealed record GetStoredFiles(IReadOnlyList<Guid> FileIds) : IQuery<IReadOnlyList<StoredFileInfo>>;

public sealed record OpenedFile(StoredFileInfo Info, Stream Content);

/// <summary>Opens an uploaded file for download; the caller has already decided the user may see it.</summary>
public sealed record OpenStoredFile(Guid FileId) : IQuery<OpenedFile?>;
