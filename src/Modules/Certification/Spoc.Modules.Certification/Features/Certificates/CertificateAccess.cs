using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Domain;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Certification.Features.Certificates;

/// <summary>
/// Who reads a certificate's files (PDF, credential, history): its holder, the cohort's staff, and the holder's own mentor.
/// Anyone else gets 404 whether it exists or not, so a certificate's id leaks nothing.
/// </summary>
internal static class CertificateAccess
{
    public static async Task<Certificate> ReadableCertificateAsync(
        this CertificationDbContext db, ISender sender, Guid userId, Guid certificateId, CancellationToken ct)
    {
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == certificateId, ct)
            ?? throw ProblemException.NotFound("This certificate");
        if (certificate.HolderId == userId)
        {
            return certificate;
        }

        var access = await sender.Send(new GetCohortAccess(certificate.CohortId, userId), ct);
        return access is not null && access.CanActOn(certificate.HolderId) ? certificate : throw ProblemException.NotFound("This certificate");
    }

    /// <summary>Trainers and admins of the cohort set its rules and issue and revoke its certificates: outsiders 404, members below that 403.</summary>
    public static async Task<CohortAccessInfo> CertificationStaffAsync(this ISender sender, Guid cohortId, Guid userId, CancellationToken ct)
    {
        var access = await sender.Send(new GetCohortAccess(cohortId, userId), ct) ?? throw ProblemException.NotFound("This cohort");
        return access.Can(CohortCapability.ActOnAllLearners)
            ? access
            : throw ProblemException.Forbidden("Only the cohort's trainers and admins manage its certification.");
    }
}
