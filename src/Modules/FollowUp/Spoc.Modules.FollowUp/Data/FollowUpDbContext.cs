using Microsoft.EntityFrameworkCore;
using Spoc.Modules.FollowUp.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.FollowUp.Data;

/// <summary>The FollowUp module's tables, in the "followup" schema: learners' facts and signals, risk rules, the journal, skills, outbox and inbox.</summary>
internal sealed class FollowUpDbContext(DbContextOptions<FollowUpDbContext> options) : ModuleDbContext(options)
{
    public const string Schema = "followup";

    protected override string ModuleName => "FollowUp";

    public DbSet<LearnerEvent> LearnerEvents => Set<LearnerEvent>();
    public DbSet<LearnerSignals> Signals => Set<LearnerSignals>();
    public DbSet<RiskRules> RiskRules => Set<RiskRules>();
    public DbSet<JournalNote> Notes => Set<JournalNote>();
    public DbSet<FollowUpAction> Actions => Set<FollowUpAction>();
    public DbSet<SkillAcquisition> Skills => Set<SkillAcquisition>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FollowUpDbContext).Assembly);
    }
}
