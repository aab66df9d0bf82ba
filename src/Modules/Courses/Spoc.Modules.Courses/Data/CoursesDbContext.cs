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
    public DateTimeOffset CreatedAt { get; init; }
    public Guid CreatedBy { get; init; }
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
