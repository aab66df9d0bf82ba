using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Courses.Domain;

namespace Spoc.Modules.Courses.Data.Configurations;

internal sealed class CohortLearnerConfiguration : IEntityTypeConfiguration<CohortLearner>
{
    public void Configure(EntityTypeBuilder<CohortLearner> b)
    {
        b.ToTable("CourseCohortLearners");
        b.HasKey(l => new { l.CohortId, l.UserId });
    }
}
