using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Assessment.Domain;

namespace Spoc.Modules.Assessment.Data.Configurations;

internal sealed class GradeConfiguration : IEntityTypeConfiguration<Grade>
{
    public void Configure(EntityTypeBuilder<Grade> b)
    {
        b.ToTable("Grades");

        // One grade per submission: two first grades racing insert the same key, and the second fails instead of both counting.
        b.HasKey(g => g.SubmissionId);
        b.Ignore(g => g.IsVisibleToAuthor);
        b.Property(g => g.Score).HasPrecision(7, 2);
        b.Property(g => g.FeedbackMarkdown).HasMaxLength(20_000);
        b.Property(g => g.FeedbackHtml).HasMaxLength(60_000);
        b.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(g => g.OverrideReason).HasMaxLength(500);
        b.Property(g => g.Adjustment).HasPrecision(7, 2);
        b.Property(g => g.AdjustmentReason).HasMaxLength(500);
        b.Property(g => g.RubricScores).HasJsonConversion(100_000);
        b.HasIndex(g => new { g.AssignmentId, g.AuthorId });

        // Competency mastery and the heat map read a cohort's released grades.
        b.HasIndex(g => new { g.CohortId, g.Status });
    }
}

internal sealed class GradeChangeConfiguration : IEntityTypeConfiguration<GradeChange>
{
    public void Configure(EntityTypeBuilder<GradeChange> b)
    {
        b.ToTable("GradeChanges");
        b.OwnsOne(c => c.Before, Snapshot);
        b.OwnsOne(c => c.After, Snapshot);
        b.HasIndex(c => new { c.SubmissionId, c.ChangedAt });
    }

    private static void Snapshot(OwnedNavigationBuilder<GradeChange, GradeSnapshot> s)
    {
        s.Property(x => x.Score).HasPrecision(7, 2);
        s.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        s.Property(x => x.Feedback).HasMaxLength(20_000);
        s.Property(x => x.OverrideReason).HasMaxLength(500);
        s.Property(x => x.Adjustment).HasPrecision(7, 2);
        s.Property(x => x.AdjustmentReason).HasMaxLength(500);
        s.Property(x => x.RubricScores).HasJsonConversion(100_000);
    }
}
