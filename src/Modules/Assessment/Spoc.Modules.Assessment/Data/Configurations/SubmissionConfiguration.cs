using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Assessment.Domain;

namespace Spoc.Modules.Assessment.Data.Configurations;

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> b)
    {
        b.ToTable("Submissions");
        b.Ignore(s => s.IsLate);
        b.Property(s => s.TextMarkdown).HasMaxLength(50_000);
        b.Property(s => s.TextHtml).HasMaxLength(150_000);
        b.Property(s => s.FileIds).HasJsonConversion(1_000);
        b.Property(s => s.Answers).HasJsonConversion(50_000);
        b.Property(s => s.Score).HasPrecision(7, 2);

        // Two attempts racing for the same number: the second insert fails (409 conflict) instead of both counting.
        b.HasIndex(s => new { s.AssignmentId, s.AuthorId, s.Attempt }).IsUnique();
        b.HasIndex(s => new { s.AssignmentId, s.GroupId, s.Attempt });
    }
}
