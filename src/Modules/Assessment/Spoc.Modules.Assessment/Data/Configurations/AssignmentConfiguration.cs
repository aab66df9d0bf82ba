using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Assessment.Domain;

namespace Spoc.Modules.Assessment.Data.Configurations;

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.ToTable("Assignments");
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Title).HasMaxLength(200);
        b.Property(a => a.InstructionsMarkdown).HasMaxLength(20_000);
        b.Property(a => a.InstructionsHtml).HasMaxLength(60_000);
        b.Property(a => a.MaxPoints).HasPrecision(7, 2);
        b.Property(a => a.Category).HasMaxLength(50);
        b.Property(a => a.LatePolicy).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Questions).HasJsonConversion(200_000);
        b.Property(a => a.Rubric).HasJsonConversion(100_000);
        b.HasIndex(a => new { a.CohortId, a.DueAt });
    }
}
