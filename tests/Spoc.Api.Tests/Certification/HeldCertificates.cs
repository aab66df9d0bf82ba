using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Certification.Contracts;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Domain;

namespace Spoc.Api.Tests.Certification;

/// <summary>
/// Certificates written straight into Certification's table, as issuance leaves them: the PDF and "my certificates" read
/// them, and issuance is another feature's (its own tests issue through HTTP).
/// </summary>
public static class HeldCertificates
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const string CourseTitle = "Management de projet";

    internal static async Task<Certificate> IssueAsync(
        this SpocApiFactory factory, Guid cohortId, Guid holderId, string holderName, DateTimeOffset? issuedAt = null, decimal? finalGrade = 87.5m)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertificationDbContext>();

        // A reissue: the index allows one valid certificate per learner and cohort.
        await db.Certificates.Where(c => c.CohortId == cohortId && c.HolderId == holderId && c.Status == CertificateStatus.Valid)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.Status, CertificateStatus.Revoked).SetProperty(x => x.RevokedAt, DateTimeOffset.UtcNow));
        var certificate = new Certificate
        {
            CohortId = cohortId,
            HolderId = holderId,
            IssuerOrganizationId = Guid.NewGuid(),
            HolderName = holderName,
            CourseTitle = CourseTitle,
            CohortTitle = "Cohorte évaluée",
            OrganizationNames = ["Institut Lumière", "Acme Formation"],
            CohortStartsOn = new DateOnly(2027, 3, 1),
            CohortEndsOn = new DateOnly(2027, 6, 30),
            FinalGrade = finalGrade,
            Competencies = [new("C1", "Planifier"), new("C2", "Communiquer")],
            VerificationCode = RandomNumberGenerator.GetString(Crockford, 26),
            ShortCode = RandomNumberGenerator.GetString(Crockford, 12),
            IssuedBy = Guid.NewGuid(),
            IssuedAt = issuedAt ?? new DateTimeOffset(2027, 7, 12, 9, 30, 0, TimeSpan.Zero),
        };
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync();
        return certificate;
    }

    public static async Task RevokeAsync(this SpocApiFactory factory, Guid certificateId, DateTimeOffset at)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertificationDbContext>();
        var certificate = await db.Certificates.SingleAsync(c => c.Id == certificateId);
        certificate.Status = CertificateStatus.Revoked;
        certificate.RevokedAt = at;
        certificate.RevokedBy = Guid.NewGuid();
        certificate.RevocationReason = "Fraude à l'examen";
        await db.SaveChangesAsync();
    }

    /// <summary>The short code as printed: three groups of four.</summary>
    public static string Grouped(string shortCode) => $"{shortCode[..4]}-{shortCode[4..8]}-{shortCode[8..]}";
}
