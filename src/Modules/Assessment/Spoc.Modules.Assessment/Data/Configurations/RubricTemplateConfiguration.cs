using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Assessment.Domain;

namespace Spoc.Modules.Assessment.Data.Configurations;

internal sealed class RubricTemplateConfiguration : IEntityTypeConfiguration<RubricTemplate>
{
    public void Configure(EntityTypeBuilder<RubricTemplate> b)
    {
        b.ToTable("RubricTemplates");
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.Criteria).HasJsonConversion(100_000);
        b.HasIndex(t => new { t.OrganizationId, t.Title });
    }
}
