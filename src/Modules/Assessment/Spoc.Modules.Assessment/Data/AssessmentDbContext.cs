using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Assessment.Data;

/// <summary>The Assessment module's tables, in the "assessment" schema.</summary>
internal sealed class AssessmentDbContext(DbContextOptions<AssessmentDbContext> options) : ModuleDbContext(options)
{
    public const string Schema = "assessment";

    protected override string ModuleName => "Assessment";

    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<Grade> Grades => Set<Grade>();
    public DbSet<GradeChange> GradeChanges => Set<GradeChange>();
    public DbSet<RubricTemplate> RubricTemplates => Set<RubricTemplate>();
    public DbSet<GradebookPolicy> GradebookPolicies => Set<GradebookPolicy>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AssessmentDbContext).Assembly);
    }
}
