using Microsoft.EntityFrameworkCore;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Certification.Data;

/// <summary>The Certification module's tables, in the "certification" schema. Its features arrive with their issue; its outbox and inbox are ready.</summary>
internal sealed class CertificationDbContext(DbContextOptions<CertificationDbContext> options) : ModuleDbContext(options)
{
    public const string Schema = "certification";

    protected override string ModuleName => "Certification";
}
