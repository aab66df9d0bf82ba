using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Certification;

/// <summary>
/// Every problem type the Certification module returns beyond the kernel's (not-found, forbidden, validation): each slug is
/// written here once, and the web app translates each one (fr, en).
/// </summary>
internal static class CertificationProblems
{
    /// <summary>The learner does not meet the cohort's rules; the <c>unmet</c> extension names the criteria they miss, with their figures.</summary>
    public static readonly ProblemType NotEligible = new(409, "not-eligible", "Not eligible", "This learner does not meet the cohort's certification rules yet (see unmet).");

    /// <summary>A revoked certificate stays revoked: a new one is issued instead.</summary>
    public static readonly ProblemType CertificateRevoked = new(409, "certificate-revoked", "Certificate already revoked", "This certificate has already been revoked; issue a new one if the learner is eligible.");
}
