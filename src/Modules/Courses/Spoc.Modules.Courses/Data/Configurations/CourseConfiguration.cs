using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Courses.Domain;

namespace Spoc.Modules.Courses.Data.Configurations;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.ToTable("Courses");
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Summary).HasMaxLength(4000);
        b.Property(c => c.Language).HasMaxLength(20);
        b.HasIndex(c => c.OrganizationId);
        b.HasMany(c => c.Competencies).WithOne().HasForeignKey(c => c.CourseId);
        b.HasMany(c => c.Sections).WithOne().HasForeignKey(s => s.CourseId);
        b.Property(c => c.Version).IsConcurrencyToken();
    }
}
