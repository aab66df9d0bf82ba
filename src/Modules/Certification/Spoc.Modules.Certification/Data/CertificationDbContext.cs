using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Certification.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Certification.Data;

/// <summary>The Certification module's tables, in the "certification" schema: rules, certificates and their history, signing keys, outbox and inbox.</summary>
internal sealed class CertificationDbContext(DbContextOptions<CertificationDbContext> options) : ModuleDbContext(options)
{
    public const string Schema = "certification";

    protected override string ModuleName => "Certification";

    public DbSet<CertificationRules> Rules => Set<CertificationRules>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<CertificateEvent> CertificateEvents => Set<CertificateEvent>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CertificationDbContext).Assembly);
    }
}
