using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Cohorts.Domain;

namespace Spoc.Modules.Cohorts.Data.Configurations;

internal sealed class ProjectGroupConfiguration : IEntityTypeConfiguration<ProjectGroup>
{
    public void Configure(EntityTypeBuilder<ProjectGroup> b)
    {
        b.ToTable("CohortGroups");
        b.Property(g => g.Name).HasMaxLength(100);
        b.HasIndex(g => g.CohortId);
        b.HasOne<Cohort>().WithMany().HasForeignKey(g => g.CohortId);
    }
}
