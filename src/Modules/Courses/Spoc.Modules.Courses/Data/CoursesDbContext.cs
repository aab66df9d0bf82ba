using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Courses.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Courses.Data;

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
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CoursesDbContext).Assembly);
    }
}
