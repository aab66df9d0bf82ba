using Spoc.Modules.Platform.Contracts;

namespace Spoc.Modules.Platform.Data;

internal sealed class OrganizationInvitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string Email { get; init; }
    public required string NormalizedEmail { get; init; }
    public OrganizationRole Role { get; init; }
    public Guid InvitedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>SHA-256 of the token mailed to the invitee; set when the invitation email is sent.</summary>
    public string? TokenHash { get; set; }
}
