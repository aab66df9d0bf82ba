using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Courses.Domain;

namespace Spoc.Modules.Courses.Data.Configurations;

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> b)
    {
        b.ToTable("CourseSections");
        b.Property(s => s.Title).HasMaxLength(200);
        b.HasIndex(s => new { s.CourseId, s.Position });
        b.HasMany(s => s.Activities).WithOne().HasForeignKey(a => a.SectionId);
    }
}
