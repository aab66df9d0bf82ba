using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.FollowUp.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.FollowUp.Data.Configurations;

internal sealed class LearnerEventConfiguration : IEntityTypeConfiguration<LearnerEvent>
{
    public void Configure(EntityTypeBuilder<LearnerEvent> b)
    {
        b.ToTable("FollowUpLearnerEvents");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Value).HasPrecision(7, 2);
        b.Property(e => e.Detail).HasMaxLength(200);
        // The projection's idempotence: one fact per subject, whatever the redeliveries.
        b.HasIndex(e => new { e.CohortId, e.LearnerId, e.Kind, e.SubjectId }).IsUnique();
        b.HasIndex(e => new { e.CohortId, e.LearnerId, e.At });
    }
}

internal sealed class LearnerSignalsConfiguration : IEntityTypeConfiguration<LearnerSignals>
{
    public void Configure(EntityTypeBuilder<LearnerSignals> b)
    {
        b.ToTable("FollowUpSignals");
        b.HasKey(s => new { s.CohortId, s.LearnerId });
        b.Property(s => s.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.AverageGrade).HasPrecision(5, 2);
        b.Property(s => s.GradeTrend).HasPrecision(6, 2);
        b.Property(s => s.AttendanceRate).HasPrecision(5, 2);
        b.Property(s => s.Reasons).HasJsonColumn();
        b.HasIndex(s => new { s.CohortId, s.MentorId });
    }
}

internal sealed class RiskRulesConfiguration : IEntityTypeConfiguration<RiskRules>
{
    public void Configure(EntityTypeBuilder<RiskRules> b)
    {
        b.ToTable("FollowUpRiskRules");
        b.HasKey(r => r.CohortId);
        b.Property(r => r.Rules).HasJsonColumn();
    }
}

internal sealed class JournalNoteConfiguration : IEntityTypeConfiguration<JournalNote>
{
    public void Configure(EntityTypeBuilder<JournalNote> b)
    {
        b.ToTable("FollowUpNotes");
        b.Property(n => n.Body).HasMaxLength(20_000);
        b.HasIndex(n => new { n.CohortId, n.LearnerId, n.CreatedAt });
    }
}

internal sealed class FollowUpActionConfiguration : IEntityTypeConfiguration<FollowUpAction>
{
    public void Configure(EntityTypeBuilder<FollowUpAction> b)
    {
        b.ToTable("FollowUpActions");
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Title).HasMaxLength(200);
        b.Property(a => a.Details).HasMaxLength(4_000);
        b.Property(a => a.ResourceUrl).HasMaxLength(2_000);
        b.HasIndex(a => new { a.CohortId, a.LearnerId, a.DueOn });
    }
}

internal sealed class SkillAcquisitionConfiguration : IEntityTypeConfiguration<SkillAcquisition>
{
    public void Configure(EntityTypeBuilder<SkillAcquisition> b)
    {
        b.ToTable("FollowUpSkills");
        b.HasKey(s => new { s.CohortId, s.LearnerId, s.CompetencyCode });
        b.Property(s => s.CompetencyCode).HasMaxLength(50);
        b.Property(s => s.Mastery).HasPrecision(5, 2);
        b.HasIndex(s => s.LearnerId);
    }
}
