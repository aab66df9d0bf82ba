using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Cohorts.Data;

internal sealed class CohortsDbContext(DbContextOptions<CohortsDbContext> options) : ModuleDbContext(options)
{
    public const string Schema = "cohorts";

    protected override string ModuleName => "Cohorts";

    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<CohortOrganization> CohortOrganizations => Set<CohortOrganization>();
    public DbSet<CohortMember> Members => Set<CohortMember>();
    public DbSet<CohortMemberRemoval> MemberRemovals => Set<CohortMemberRemoval>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<CohortInvitation> Invitations => Set<CohortInvitation>();
    public DbSet<ProjectGroup> Groups => Set<ProjectGroup>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CohortsDbContext).Assembly);
    }
}
