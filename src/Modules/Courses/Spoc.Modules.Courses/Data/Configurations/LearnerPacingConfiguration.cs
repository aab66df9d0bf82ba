using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Courses.Domain;

namespace Spoc.Modules.Courses.Data.Configurations;

internal sealed class LearnerPacingConfiguration : IEntityTypeConfiguration<LearnerPacing>
{
    public void Configure(EntityTypeBuilder<LearnerPacing> b)
    {
        b.ToTable("CoursePacings");
        b.HasKey(p => new { p.CohortId, p.UserId });
    }
}
