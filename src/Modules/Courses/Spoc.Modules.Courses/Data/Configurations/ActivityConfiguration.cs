using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Courses.Domain;

namespace Spoc.Modules.Courses.Data.Configurations;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.ToTable("CourseActivities");
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Title).HasMaxLength(200);
        b.Property(a => a.ContentMarkdown).HasMaxLength(100_000);
        b.Property(a => a.ContentHtml).HasMaxLength(200_000);
        b.Property(a => a.Url).HasMaxLength(2000);
        b.Property(a => a.CompetencyCodes).HasMaxLength(2000);
        b.HasIndex(a => new { a.SectionId, a.Position });
        b.HasIndex(a => a.CourseId);
    }
}
