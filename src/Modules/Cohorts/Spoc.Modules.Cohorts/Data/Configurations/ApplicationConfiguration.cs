using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Cohorts.Domain;

namespace Spoc.Modules.Cohorts.Data.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.ToTable("CohortApplications");
        b.Property(a => a.Motivation).HasMaxLength(5000);
        b.Property(a => a.AnswersJson).HasMaxLength(50_000);
        b.Property(a => a.DecisionNote).HasMaxLength(2000);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(a => new { a.CohortId, a.LiveApplicantId }).IsUnique();
        b.HasIndex(a => new { a.CohortId, a.Status, a.WaitlistedAt });
        b.HasIndex(a => a.ApplicantId);
        b.HasIndex(a => new { a.CohortId, a.UpdatedAt }); // a sync reads a cohort's changes in time order
        b.Property(a => a.Version).IsConcurrencyToken();
    }
}
