using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Courses.Domain;

namespace Spoc.Modules.Courses.Data.Configurations;

internal sealed class CompletionConfiguration : IEntityTypeConfiguration<Completion>
{
    public void Configure(EntityTypeBuilder<Completion> b)
    {
        b.ToTable("CourseCompletions");
        b.HasKey(c => new { c.CohortId, c.UserId, c.ActivityId });
        b.HasOne<Activity>().WithMany().HasForeignKey(c => c.ActivityId);
    }
}
