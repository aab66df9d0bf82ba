using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Courses.Domain;

namespace Spoc.Modules.Courses.Data.Configurations;

internal sealed class PacingShiftConfiguration : IEntityTypeConfiguration<PacingShift>
{
    public void Configure(EntityTypeBuilder<PacingShift> b)
    {
        b.ToTable("CoursePacingShifts");
        b.HasIndex(p => new { p.CohortId, p.UserId });
    }
}
