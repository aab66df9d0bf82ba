using Microsoft.EntityFrameworkCore;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Courses.Data;

internal sealed class Course
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

internal sealed class Section
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CourseId { get; init; }
    public required string Title { get; set; }
    public int Position { get; set; }
    public List<Activity> Activities { get; init; } = [];
}

internal sealed class Activity
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
    public int Position { get; set; }

    /// <summary>Released this many days after the cohort starts (0: at the start).</summary>
    public int OffsetDays { get; set; }

    /// <summary>Due this many days after the cohort starts, when the activity has a due date.</summary>
    public int? DueOffsetDays { get; set; }

    public int DurationMinutes { get; set; }

    /// <summary>Codes of the course competencies this activity develops.</summary>
    public List<string> CompetencyCodes { get; set; } = [];
}

/// <summary>What a course develops, e.g. "C1 — Conduire un entretien"; activities and grades refer to it by code.</summary>
internal sealed class Competency
{
    public Guid CourseId { get; init; }
    public required string Code { get; init; }
    public required string Title { get; set; }
}

internal sealed class CoursesDbContext(DbContextOptions<CoursesDbContext> options) : ModuleDbContext(options)
{
    public const string Schema = "courses";

    protected override string ModuleName => "Courses";

    public DbSet<Course> Courses => Set<Course>();

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
        modelBuilder.Entity<Competency>(b =>
        {
            b.ToTable("CourseCompetencies");
            b.HasKey(c => new { c.CourseId, c.Code });
            b.Property(c => c.Code).HasMaxLength(20);
            b.Property(c => c.Title).HasMaxLength(200);
        });
    }
}
