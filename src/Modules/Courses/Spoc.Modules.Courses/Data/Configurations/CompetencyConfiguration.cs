using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Courses.Domain;

namespace Spoc.Modules.Courses.Data.Configurations;

internal sealed class CompetencyConfiguration : IEntityTypeConfiguration<Competency>
{
    public void Configure(EntityTypeBuilder<Competency> b)
    {
        b.ToTable("CourseCompetencies");
        b.HasKey(c => new { c.CourseId, c.Code });
        b.Property(c => c.Code).HasMaxLength(20);
        b.Property(c => c.Title).HasMaxLength(200);
    }
}
