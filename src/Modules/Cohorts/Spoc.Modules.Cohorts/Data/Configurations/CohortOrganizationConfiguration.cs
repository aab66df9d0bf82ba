using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Domain;

namespace Spoc.Modules.Cohorts.Data.Configurations;

internal sealed class CohortOrganizationConfiguration : IEntityTypeConfiguration<CohortOrganization>
{
    public void Configure(EntityTypeBuilder<CohortOrganization> b)
    {
        b.ToTable("CohortOrganizations");
        b.HasKey(o => new { o.CohortId, o.OrganizationId });
        b.HasIndex(o => o.OrganizationId);

        // Partnerships made before consent existed were agreed by their organisations: they stay accepted.
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20).HasDefaultValue(PartnershipStatus.Accepted);
    }
}
