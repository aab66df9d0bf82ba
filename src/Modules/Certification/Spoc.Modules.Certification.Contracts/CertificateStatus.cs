namespace Spoc.Modules.Certification.Contracts;

/// <summary>What /verify/{code} answers of a certificate (API.md, Certification).</summary>
public enum CertificateStatus
{
    Valid,
    Revoked,
}
