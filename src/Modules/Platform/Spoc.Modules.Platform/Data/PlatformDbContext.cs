using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Platform.Data;

internal sealed class User
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Email { get; set; }

    /// <summary>Lower-case, trimmed: what sign-in and uniqueness compare.</summary>
    public required string NormalizedEmail { get; set; }

    public required string DisplayName { get; set; }
    public string PasswordHash { get; set; } = "";
    public bool IsPlatformAdmin { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// Set at self-registration until the mailed link is opened; sign-in is refused meanwhile. False for everyone else
    /// (the bootstrap admin, demo people, accounts that predate verification, invitees who registered with their link).
    /// </summary>
    public bool EmailVerificationPending { get; set; }

    /// <summary><c>fr</c> or <c>en</c>: the web app's language and the language of every mail to this person.</summary>
    public string PreferredLanguage { get; set; } = Languages.French;

    /// <summary>Concurrency token of the profile (name, language), also its ETag.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}

internal sealed class Organization : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Concurrency token, also the ETag.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<OrganizationMember> Members { get; init; } = [];
}

internal sealed class OrganizationMember
{
    public Guid OrganizationId { get; init; }
    public Organization Organization { get; init; } = null!;
    public Guid UserId { get; init; }
    public User User { get; init; } = null!;
    public OrganizationRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; init; }
}

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

/// <summary>A refresh token, stored only as its SHA-256. Tokens of one sign-in share a family; each is used once.</summary>
internal sealed class RefreshToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public Guid FamilyId { get; init; }
    public required string TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

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

/// <summary>An upload: its bytes are in <see cref="Spoc.SharedKernel.Files.IFileStorage"/> under <see cref="StorageKey"/>.</summary>
internal sealed class StoredFile
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OwnerId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public required string StorageKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : ModuleDbContext(options)
{
    public const string Schema = "platform";

    protected override string ModuleName => "Platform";

    public DbSet<User> Users => Set<User>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationMember> OrganizationMembers => Set<OrganizationMember>();
    public DbSet<OrganizationInvitation> OrganizationInvitations => Set<OrganizationInvitation>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();
    public DbSet<StoredFile> Files => Set<StoredFile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<User>(b =>
        {
            b.ToTable("Users");
            b.Property(u => u.Email).HasMaxLength(254);
            b.Property(u => u.NormalizedEmail).HasMaxLength(254);
            b.HasIndex(u => u.NormalizedEmail).IsUnique();
            b.Property(u => u.DisplayName).HasMaxLength(100);
            b.Property(u => u.PasswordHash).HasMaxLength(200);
            b.Property(u => u.PreferredLanguage).HasMaxLength(2).HasDefaultValue(Languages.French);
            b.Property(u => u.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Organization>(b =>
        {
            b.ToTable("Organizations");
            b.Property(o => o.Name).HasMaxLength(200);
            b.Property(o => o.Slug).HasMaxLength(60);
            b.HasIndex(o => o.Slug).IsUnique();
            b.Property(o => o.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<OrganizationMember>(b =>
        {
            b.ToTable("OrganizationMembers");
            b.HasKey(m => new { m.OrganizationId, m.UserId });
            b.HasOne(m => m.Organization).WithMany(o => o.Members).HasForeignKey(m => m.OrganizationId);
            b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId);
            b.HasIndex(m => m.UserId);
            b.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<OrganizationInvitation>(b =>
        {
            b.ToTable("OrganizationInvitations");
            b.Property(i => i.Email).HasMaxLength(254);
            b.Property(i => i.NormalizedEmail).HasMaxLength(254);
            b.HasIndex(i => new { i.OrganizationId, i.NormalizedEmail }).IsUnique();
            b.HasIndex(i => i.NormalizedEmail);
            b.Property(i => i.TokenHash).HasMaxLength(64);
            b.HasIndex(i => i.TokenHash).IsUnique();
            b.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
            b.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId);
        });
        modelBuilder.Entity<StoredFile>(b =>
        {
            b.ToTable("StoredFiles");
            b.Property(f => f.FileName).HasMaxLength(255);
            b.Property(f => f.ContentType).HasMaxLength(100);
            b.Property(f => f.StorageKey).HasMaxLength(64);
            b.HasIndex(f => f.OwnerId);
        });
        modelBuilder.Entity<AccountToken>(b =>
        {
            b.ToTable("AccountTokens");
            b.Property(t => t.TokenHash).HasMaxLength(64);
            b.HasIndex(t => t.TokenHash).IsUnique();
            b.HasIndex(t => t.UserId);
            b.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(20);
            b.HasOne<User>().WithMany().HasForeignKey(t => t.UserId);
        });
        modelBuilder.Entity<RefreshToken>(b =>
        {
            b.ToTable("RefreshTokens");
            b.Property(t => t.TokenHash).HasMaxLength(64);
            b.HasIndex(t => t.TokenHash).IsUnique();
            b.HasIndex(t => t.FamilyId);
            b.HasOne<User>().WithMany().HasForeignKey(t => t.UserId);
        });
    }
}
