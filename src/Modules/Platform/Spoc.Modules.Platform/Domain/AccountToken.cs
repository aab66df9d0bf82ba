namespace Spoc.Modules.Platform.Data;

internal enum AccountTokenPurpose
{
    VerifyEmail,
    ResetPassword,
}

/// <summary>A single-use, expiring link mailed to an account's owner (verify the address, reset the password); stored only as its SHA-256.</summary>
internal sealed class AccountToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public AccountTokenPurpose Purpose { get; init; }
    public required string TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
}
