using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Cohorts.Domain;

namespace Spoc.Modules.Cohorts.Data.Configurations;

internal sealed class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> b)
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
    }
}
