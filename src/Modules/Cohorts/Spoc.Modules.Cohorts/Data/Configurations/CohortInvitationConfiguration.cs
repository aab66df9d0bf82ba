using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Cohorts.Domain;

namespace Spoc.Modules.Cohorts.Data.Configurations;

internal sealed class CohortInvitationConfiguration : IEntityTypeConfiguration<CohortInvitation>
{
    public void Configure(EntityTypeBuilder<CohortInvitation> b)
    {
        b.ToTable("CohortInvitations");
        b.Property(i => i.Email).HasMaxLength(254);
        b.Property(i => i.NormalizedEmail).HasMaxLength(254);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.CohortId);
        b.HasOne<Cohort>().WithMany().HasForeignKey(i => i.CohortId);
    }
}
