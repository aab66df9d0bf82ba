using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Courses.Domain;

namespace Spoc.Modules.Courses.Data.Configurations;

internal sealed class ExtraResourceConfiguration : IEntityTypeConfiguration<ExtraResource>
{
    public void Configure(EntityTypeBuilder<ExtraResource> b)
    {
        b.ToTable("CourseExtraResources");
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.Url).HasMaxLength(2000);
        b.Property(r => r.ContentMarkdown).HasMaxLength(20_000);
        b.Property(r => r.ContentHtml).HasMaxLength(200_000);
        b.HasIndex(r => new { r.CohortId, r.UserId });
    }
}
