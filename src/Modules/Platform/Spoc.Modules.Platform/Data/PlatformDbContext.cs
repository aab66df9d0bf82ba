using Microsoft.EntityFrameworkCore;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Platform.Data;

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
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

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
        modelBuilder.Entity<ApiClient>(b =>
        {
            b.ToTable("ApiClients");
            b.Property(c => c.Name).HasMaxLength(100);
            b.HasIndex(c => c.OrganizationId);
            b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
            b.HasMany(c => c.Secrets).WithOne().HasForeignKey(s => s.ClientId);
        });
        modelBuilder.Entity<ApiClientSecret>(b =>
        {
            b.ToTable("ApiClientSecrets");
            b.Property(s => s.SecretHash).HasMaxLength(64);
            b.HasIndex(s => s.SecretHash).IsUnique();
            b.Property(s => s.Hint).HasMaxLength(4);
            b.Property(s => s.Id).ValueGeneratedNever(); // a secret added to a loaded client is an insert, though its id is set
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
