using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spoc.Modules.Certification.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Certification.Data.Configurations;

internal sealed class CertificationRulesConfiguration : IEntityTypeConfiguration<CertificationRules>
{
    public void Configure(EntityTypeBuilder<CertificationRules> b)
    {
        b.ToTable("CertificationRules");
        b.HasKey(r => r.CohortId);
        b.Property(r => r.MinFinalGrade).HasPrecision(5, 2);
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.ToTable("Certificates");
        b.Property(c => c.HolderName).HasMaxLength(200);
        b.Property(c => c.CourseTitle).HasMaxLength(200);
        b.Property(c => c.CohortTitle).HasMaxLength(200);
        b.Property(c => c.FinalGrade).HasPrecision(5, 2);
        b.Property(c => c.VerificationCode).HasMaxLength(26);
        b.Property(c => c.ShortCode).HasMaxLength(12);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.RevocationReason).HasMaxLength(500);
        b.Property(c => c.Competencies).HasJsonColumn();
        b.HasIndex(c => c.VerificationCode).IsUnique();
        b.HasIndex(c => c.ShortCode).IsUnique();
        // The guarantee of "at most one valid certificate per learner and cohort", whatever the races (both providers
        // accept this filter: SQL Server's migrations run with QUOTED_IDENTIFIER on).
        b.HasIndex(c => new { c.CohortId, c.HolderId }).IsUnique().HasFilter("\"Status\" = 'Valid'");
        b.HasIndex(c => c.HolderId);
        b.HasIndex(c => new { c.CohortId, c.UpdatedAt }); // a sync reads a cohort's changes in time order
        b.HasIndex(c => new { c.IssuerOrganizationId, c.StatusListIndex }).IsUnique().HasFilter("\"StatusListIndex\" IS NOT NULL");
    }
}

internal sealed class CertificateEventConfiguration : IEntityTypeConfiguration<CertificateEvent>
{
    public void Configure(EntityTypeBuilder<CertificateEvent> b)
    {
        b.ToTable("CertificateEvents");
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Reason).HasMaxLength(500);
        b.HasIndex(e => new { e.CohortId, e.At });
        b.HasIndex(e => e.CertificateId);
    }
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> b)
    {
        b.ToTable("SigningKeys");
        b.Property(k => k.Id).HasMaxLength(64);
        b.Property(k => k.Algorithm).HasMaxLength(10);
        b.Property(k => k.ProtectedPrivateKey).HasMaxLength(4_000);
        b.Property(k => k.PublicJwk).HasMaxLength(1_000);
        b.HasIndex(k => new { k.OrganizationId, k.CreatedAt });
    }
}
