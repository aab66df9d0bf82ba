using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Cohorts.Domain;

namespace Spoc.Modules.Cohorts.Data.Configurations;

internal sealed class CohortMemberConfiguration : IEntityTypeConfiguration<CohortMember>
{
    public void Configure(EntityTypeBuilder<CohortMember> b)
    {
        b.ToTable("CohortMembers");
        b.HasKey(m => new { m.CohortId, m.UserId });
        b.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(m => m.UserId);
        // Every access check of a mentor reads their mentees: by index, not by reading the whole cohort's roster.
        b.HasIndex(m => new { m.CohortId, m.MentorId });
        b.HasOne<ProjectGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(m => new { m.CohortId, m.UpdatedAt }); // a sync reads a cohort's changes in time order
    }
}

internal sealed class CohortMemberRemovalConfiguration : IEntityTypeConfiguration<CohortMemberRemoval>
{
    public void Configure(EntityTypeBuilder<CohortMemberRemoval> b)
    {
        b.ToTable("CohortMemberRemovals");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Role).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(r => new { r.CohortId, r.RemovedAt });
    }
}
