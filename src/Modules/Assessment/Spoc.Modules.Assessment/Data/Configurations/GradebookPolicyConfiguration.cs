using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Assessment.Domain;

namespace Spoc.Modules.Assessment.Data.Configurations;

internal sealed class GradebookPolicyConfiguration : IEntityTypeConfiguration<GradebookPolicy>
{
    public void Configure(EntityTypeBuilder<GradebookPolicy> b)
    {
        b.ToTable("GradebookPolicies");

        // One per cohort: two first policies racing insert the same key, and the second fails (412) instead of both counting.
        b.HasKey(p => p.CohortId);
        b.Ignore(p => p.IsDefault);
        b.Property(p => p.Categories).HasJsonConversion(10_000);
        b.Property(p => p.PassMark).HasPrecision(5, 2);
    }
}
