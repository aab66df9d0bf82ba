using System.Linq.Expressions;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Certification.Domain;

namespace Spoc.Modules.Certification.Features.Issuance;

/// <summary>A certificate as staff manage it: what it attests (copied when it was issued), its codes and its status.</summary>
/// <param name="OrganizationNames">The issuing organisation first, then the cohort's partners.</param>
/// <param name="FinalGrade">The learner's grade when it was issued (percent); null when none was known.</param>
/// <param name="Competencies">The course competencies the learner had mastered when it was issued.</param>
/// <param name="VerificationCode">The public code of /verify/{code} (26 characters, 128 random bits).</param>
/// <param name="ShortCode">The code printed for people to type (12 characters).</param>
/// <param name="UpdatedAt">When it last changed (issued, revoked): the next <c>updatedSince</c> of a sync.</param>
internal sealed record CohortCertificate(
    Guid Id, Guid CohortId, Guid HolderId, string HolderName, string CourseTitle, string CohortTitle, IReadOnlyList<string> OrganizationNames,
    DateOnly CohortStartsOn, DateOnly CohortEndsOn, decimal? FinalGrade, IReadOnlyList<AchievedCompetency> Competencies,
    string VerificationCode, string ShortCode, CertificateStatus Status, Guid IssuedBy, DateTimeOffset IssuedAt,
    Guid? RevokedBy, DateTimeOffset? RevokedAt, string? RevocationReason, DateTimeOffset UpdatedAt)
{
    public static readonly Expression<Func<Certificate, CohortCertificate>> Projection = c => new CohortCertificate(
        c.Id, c.CohortId, c.HolderId, c.HolderName, c.CourseTitle, c.CohortTitle, c.OrganizationNames, c.CohortStartsOn, c.CohortEndsOn, c.FinalGrade,
        c.Competencies, c.VerificationCode, c.ShortCode, c.Status, c.IssuedBy, c.IssuedAt, c.RevokedBy, c.RevokedAt, c.RevocationReason, c.UpdatedAt);

    private static readonly Func<Certificate, CohortCertificate> Compiled = Projection.Compile();

    public static CohortCertificate From(Certificate certificate) => Compiled(certificate);
}
