using Spoc.Modules.Certification.Contracts;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Certification.Domain;

/// <summary>
/// A certificate issued to a learner of a cohort (issue 14). It is a snapshot: the holder's name, the course, the cohort,
/// the organisations and the competencies are copied at issuance, so later renames or rule changes do not alter what it
/// attested. At most one <see cref="CertificateStatus.Valid"/> certificate per learner and cohort (a filtered unique
/// index, so parallel issuance cannot make two); a revoked one stays, and a new one may be issued after it.
/// </summary>
internal sealed class Certificate : IChangeStamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CohortId { get; init; }
    public Guid HolderId { get; init; }

    /// <summary>The organisation that issues it (the cohort's host): its key signs the credential.</summary>
    public Guid IssuerOrganizationId { get; init; }

    public required string HolderName { get; init; }
    public required string CourseTitle { get; init; }
    public required string CohortTitle { get; init; }

    /// <summary>The issuing organisation's name first, then the cohort's partner organisations.</summary>
    public List<string> OrganizationNames { get; init; } = [];

    public DateOnly CohortStartsOn { get; init; }
    public DateOnly CohortEndsOn { get; init; }

    /// <summary>The learner's final grade when issued, in percent; null when the rules did not ask for one and none was known.</summary>
    public decimal? FinalGrade { get; init; }

    /// <summary>The course competencies the learner had mastered when issued.</summary>
    public List<AchievedCompetency> Competencies { get; init; } = [];

    /// <summary>The public verification code: 128 random bits in Crockford base32 (26 characters); /verify/{code} and the QR code use it.</summary>
    public required string VerificationCode { get; init; }

    /// <summary>A short code printed for people to type (12 Crockford base32 characters, 60 random bits), accepted by /verify too.</summary>
    public required string ShortCode { get; init; }

    public CertificateStatus Status { get; set; } = CertificateStatus.Valid;

    public Guid IssuedBy { get; init; }
    public DateTimeOffset IssuedAt { get; init; }

    public Guid? RevokedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }

    /// <summary>When the certificate last changed (issued, revoked): what <c>updatedSince</c> reads. Its credential being made is not a change of what staff list.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The signed Open Badges 3.0 credential (VC-JWT), kept once made so that key rotation never changes it; null until first made.</summary>
    public string? CredentialJwt { get; set; }

    /// <summary>The certificate's index in its issuer's status list (revocation bit); null until its credential is made.</summary>
    public int? StatusListIndex { get; set; }
}

/// <summary>A competency a certificate attests: its code and title in the course.</summary>
internal sealed record AchievedCompetency(string Code, string Title);
