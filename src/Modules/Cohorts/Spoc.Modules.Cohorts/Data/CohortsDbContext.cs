using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Cohorts.Data;

internal sealed class Cohort : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CourseId { get; init; }

    /// <summary>The course's organisation: its admins are staff of the cohort.</summary>
    public Guid OrganizationId { get; init; }

    public required string Title { get; set; }
    public int Capacity { get; set; }

    /// <summary>Only ever changed by atomic conditional updates (<see cref="Domain.Seats"/>), never read-modify-write.</summary>
    public int SeatsTaken { get; set; }

    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public DateTimeOffset ApplicationsOpenAt { get; set; }
    public DateTimeOffset ApplicationsCloseAt { get; set; }
    public required string TimeZone { get; set; }
    public AdmissionMode AdmissionMode { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Concurrency token of the editable fields, and the ETag.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<CohortOrganization> Organizations { get; init; } = [];
    public List<CohortMember> Members { get; init; } = [];
    public List<Application> Applications { get; init; } = [];
}

/// <summary>
/// An organisation whose people may join: one for an intra-company cohort, several for an inter-company one. A partner
/// (not the owner) is <see cref="PartnershipStatus.Pending"/> until one of its admins accepts: until then it opens nothing.
/// </summary>
internal sealed class CohortOrganization
{
    public Guid CohortId { get; init; }
    public Guid OrganizationId { get; init; }
    public PartnershipStatus Status { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? DecidedBy { get; set; }
}

internal sealed class CohortMember : IVersioned
{
    public Guid CohortId { get; init; }
    public Guid UserId { get; init; }
    public CohortRole Role { get; set; }
    public Guid? MentorId { get; set; }
    public Guid? GroupId { get; set; }
    public DateTimeOffset JoinedAt { get; init; }

    /// <summary>Changes with the role, mentor or group: the ETag of the member resource (mentor assignment).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class Application : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CohortId { get; init; }
    public Cohort Cohort { get; init; } = null!;
    public Guid ApplicantId { get; init; }

    /// <summary>Set while the application is live (submitted, waitlisted, admitted): a unique index allows one live application per learner and cohort.</summary>
    public Guid? LiveApplicantId { get; set; }

    public required string Motivation { get; init; }
    public string AnswersJson { get; init; } = "{}";
    public ApplicationStatus Status { get; set; }
    public string? DecisionNote { get; set; }
    public Guid? DecidedBy { get; set; }
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Waitlist order: first waitlisted, first promoted.</summary>
    public DateTimeOffset? WaitlistedAt { get; set; }

    /// <summary>Concurrency token: of two concurrent decisions (or a decision and a withdrawal) only the first commits.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public void MoveTo(ApplicationStatus status, DateTimeOffset now)
    {
        Status = status;
        DecidedAt = now;
        Version = Guid.NewGuid();
        if (status is ApplicationStatus.Rejected or ApplicationStatus.Withdrawn)
        {
            LiveApplicantId = null;
        }
    }
}

internal sealed class CohortInvitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CohortId { get; init; }
    public required string Email { get; init; }
    public required string NormalizedEmail { get; init; }
    public required string TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public Guid? AcceptedBy { get; set; }
}

internal sealed class ProjectGroup : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CohortId { get; init; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class CohortsDbContext(DbContextOptions<CohortsDbContext> options) : ModuleDbContext(options)
{
    public const string Schema = "cohorts";

    protected override string ModuleName => "Cohorts";

    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<CohortOrganization> CohortOrganizations => Set<CohortOrganization>();
    public DbSet<CohortMember> Members => Set<CohortMember>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<CohortInvitation> Invitations => Set<CohortInvitation>();
    public DbSet<ProjectGroup> Groups => Set<ProjectGroup>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Cohort>(b =>
        {
            b.ToTable("Cohorts");
            b.Property(c => c.Title).HasMaxLength(200);
            b.Property(c => c.TimeZone).HasMaxLength(64);
            b.Property(c => c.AdmissionMode).HasConversion<string>().HasMaxLength(30);
            b.Property(c => c.Version).IsConcurrencyToken();
            b.HasIndex(c => c.OrganizationId);
            b.HasMany(c => c.Organizations).WithOne().HasForeignKey(o => o.CohortId);
            b.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CohortId);
            b.HasMany(c => c.Applications).WithOne(a => a.Cohort).HasForeignKey(a => a.CohortId);
            b.ToTable(t => t.HasCheckConstraint("CK_Cohorts_Seats", "\"SeatsTaken\" >= 0 AND \"SeatsTaken\" <= \"Capacity\""));
        });
        modelBuilder.Entity<CohortOrganization>(b =>
        {
            b.ToTable("CohortOrganizations");
            b.HasKey(o => new { o.CohortId, o.OrganizationId });
            b.HasIndex(o => o.OrganizationId);

            // Partnerships made before consent existed were agreed by their organisations: they stay accepted.
            b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20).HasDefaultValue(PartnershipStatus.Accepted);
        });
        modelBuilder.Entity<CohortMember>(b =>
        {
            b.ToTable("CohortMembers");
            b.HasKey(m => new { m.CohortId, m.UserId });
            b.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(m => m.UserId);
            b.HasOne<ProjectGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Application>(b =>
        {
            b.ToTable("CohortApplications");
            b.Property(a => a.Motivation).HasMaxLength(5000);
            b.Property(a => a.AnswersJson).HasMaxLength(50_000);
            b.Property(a => a.DecisionNote).HasMaxLength(2000);
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            b.HasIndex(a => new { a.CohortId, a.LiveApplicantId }).IsUnique();
            b.HasIndex(a => new { a.CohortId, a.Status, a.WaitlistedAt });
            b.HasIndex(a => a.ApplicantId);
            b.Property(a => a.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<CohortInvitation>(b =>
        {
            b.ToTable("CohortInvitations");
            b.Property(i => i.Email).HasMaxLength(254);
            b.Property(i => i.NormalizedEmail).HasMaxLength(254);
            b.Property(i => i.TokenHash).HasMaxLength(64);
            b.HasIndex(i => i.TokenHash).IsUnique();
            b.HasIndex(i => i.CohortId);
            b.HasOne<Cohort>().WithMany().HasForeignKey(i => i.CohortId);
        });
        modelBuilder.Entity<ProjectGroup>(b =>
        {
            b.ToTable("CohortGroups");
            b.Property(g => g.Name).HasMaxLength(100);
            b.HasIndex(g => g.CohortId);
            b.HasOne<Cohort>().WithMany().HasForeignKey(g => g.CohortId);
        });
    }
}
