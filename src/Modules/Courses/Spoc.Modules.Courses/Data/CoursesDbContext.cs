using Microsoft.EntityFrameworkCore;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Courses.Data;

internal sealed class Course : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string Title { get; set; }
    public string Summary { get; set; } = "";

    /// <summary>BCP 47 tag of the course's teaching language, e.g. "fr" or "en-GB".</summary>
    public required string Language { get; set; }

    public List<Competency> Competencies { get; init; } = [];
    public List<Section> Sections { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public Guid CreatedBy { get; init; }

    /// <summary>Learners see published courses only; staff see drafts too.</summary>
    public bool IsPublished { get; set; }

    /// <summary>Concurrency token of the course's own fields, and its ETag.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class Section : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CourseId { get; init; }
    public required string Title { get; set; }
    public int Position { get; set; }
    public List<Activity> Activities { get; init; } = [];
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class Activity : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CourseId { get; init; }
    public Guid SectionId { get; set; }
    public Contracts.ActivityKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>What the author wrote; <see cref="ContentHtml"/> is its sanitized rendering, the only form ever served as HTML.</summary>
    public string ContentMarkdown { get; set; } = "";
    public string ContentHtml { get; set; } = "";

    public string? Url { get; set; }

    /// <summary>An uploaded document (Platform's file store), downloaded through the activity so its visibility applies.</summary>
    public Guid? FileId { get; set; }

    public int Position { get; set; }

    /// <summary>Released this many days after the cohort starts (0: at the start).</summary>
    public int OffsetDays { get; set; }

    /// <summary>Due this many days after the cohort starts, when the activity has a due date.</summary>
    public int? DueOffsetDays { get; set; }

    public int DurationMinutes { get; set; }

    /// <summary>Codes of the course competencies this activity develops.</summary>
    public List<string> CompetencyCodes { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>What a course develops, e.g. "C1 — Conduire un entretien"; activities and grades refer to it by code.</summary>
internal sealed class Competency
{
    public Guid CourseId { get; init; }
    public required string Code { get; init; }
    public required string Title { get; set; }
}

/// <summary>A learner's place in a cohort as Courses knows it, kept from Cohorts' events; withdrawn learners keep their progress.</summary>
internal sealed class CohortLearner
{
    public Guid CohortId { get; init; }
    public Guid UserId { get; init; }
    public DateTimeOffset EnrolledAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>When the latest enrolment or withdrawal applied here happened: an older event delivered late changes nothing.</summary>
    public DateTimeOffset LastChangeAt { get; set; }
}

internal sealed class Completion
{
    public Guid CohortId { get; init; }
    public Guid UserId { get; init; }
    public Guid ActivityId { get; init; }
    public DateTimeOffset CompletedAt { get; init; }
}

/// <summary>
/// A learner's pacing as one resource (its shifts and extra resources are replaced together): its version is the ETag
/// of GET/PUT pacing. No row yet means no pacing, whose ETag is that of <see cref="Guid.Empty"/>.
/// </summary>
internal sealed class LearnerPacing : IVersioned
{
    public Guid CohortId { get; init; }
    public Guid UserId { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A learner's personal pacing: due dates shifted by <see cref="Days"/>, for one activity or (null) all of them.</summary>
internal sealed class PacingShift
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CohortId { get; init; }
    public Guid UserId { get; init; }
    public Guid? ActivityId { get; init; }
    public int Days { get; init; }
}

/// <summary>A resource the staff added for one learner only.</summary>
internal sealed class ExtraResource
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CohortId { get; init; }
    public Guid UserId { get; init; }
    public required string Title { get; init; }
    public string? Url { get; init; }
    public string ContentMarkdown { get; init; } = "";
    public string ContentHtml { get; init; } = "";
}

internal sealed class CoursesDbContext(DbContextOptions<CoursesDbContext> options) : ModuleDbContext(options)
{
    public const string Schema = "courses";

    protected override string ModuleName => "Courses";

    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CohortLearner> CohortLearners => Set<CohortLearner>();
    public DbSet<Completion> Completions => Set<Completion>();
    public DbSet<PacingShift> PacingShifts => Set<PacingShift>();
    public DbSet<LearnerPacing> Pacings => Set<LearnerPacing>();
    public DbSet<ExtraResource> ExtraResources => Set<ExtraResource>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Course>(b =>
        {
            b.ToTable("Courses");
            b.Property(c => c.Title).HasMaxLength(200);
            b.Property(c => c.Summary).HasMaxLength(4000);
            b.Property(c => c.Language).HasMaxLength(20);
            b.HasIndex(c => c.OrganizationId);
            b.HasMany(c => c.Competencies).WithOne().HasForeignKey(c => c.CourseId);
            b.HasMany(c => c.Sections).WithOne().HasForeignKey(s => s.CourseId);
            b.Property(c => c.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Section>(b =>
        {
            b.ToTable("CourseSections");
            b.Property(s => s.Title).HasMaxLength(200);
            b.HasIndex(s => new { s.CourseId, s.Position });
            b.HasMany(s => s.Activities).WithOne().HasForeignKey(a => a.SectionId);
        });
        modelBuilder.Entity<Activity>(b =>
        {
            b.ToTable("CourseActivities");
            b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
            b.Property(a => a.Title).HasMaxLength(200);
            b.Property(a => a.ContentMarkdown).HasMaxLength(100_000);
            b.Property(a => a.ContentHtml).HasMaxLength(200_000);
            b.Property(a => a.Url).HasMaxLength(2000);
            b.Property(a => a.CompetencyCodes).HasMaxLength(2000);
            b.HasIndex(a => new { a.SectionId, a.Position });
            b.HasIndex(a => a.CourseId);
        });
        modelBuilder.Entity<CohortLearner>(b =>
        {
            b.ToTable("CourseCohortLearners");
            b.HasKey(l => new { l.CohortId, l.UserId });
        });
        modelBuilder.Entity<Completion>(b =>
        {
            b.ToTable("CourseCompletions");
            b.HasKey(c => new { c.CohortId, c.UserId, c.ActivityId });
            b.HasOne<Activity>().WithMany().HasForeignKey(c => c.ActivityId);
        });
        modelBuilder.Entity<LearnerPacing>(b =>
        {
            b.ToTable("CoursePacings");
            b.HasKey(p => new { p.CohortId, p.UserId });
        });
        modelBuilder.Entity<PacingShift>(b =>
        {
            b.ToTable("CoursePacingShifts");
            b.HasIndex(p => new { p.CohortId, p.UserId });
        });
        modelBuilder.Entity<ExtraResource>(b =>
        {
            b.ToTable("CourseExtraResources");
            b.Property(r => r.Title).HasMaxLength(200);
            b.Property(r => r.Url).HasMaxLength(2000);
            b.Property(r => r.ContentMarkdown).HasMaxLength(20_000);
            b.Property(r => r.ContentHtml).HasMaxLength(200_000);
            b.HasIndex(r => new { r.CohortId, r.UserId });
        });
        modelBuilder.Entity<Competency>(b =>
        {
            b.ToTable("CourseCompetencies");
            b.HasKey(c => new { c.CourseId, c.Code });
            b.Property(c => c.Code).HasMaxLength(20);
            b.Property(c => c.Title).HasMaxLength(200);
        });
    }
}
