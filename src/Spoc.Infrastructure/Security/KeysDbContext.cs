using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Spoc.SharedKernel.Persistence;

namespace Spoc.SharedKernel.Security;

/// <summary>
/// The data protection key ring when <c>DataProtection:Store</c> is <c>Database</c> (ADR 0054): every instance reads the
/// keys any of them wrote. A context of its own (schema <c>keys</c>) rather than a module's: the ring belongs to the host,
/// and an operator can grant or back it up apart from the data it protects.
/// </summary>
public sealed class KeysDbContext(DbContextOptions<KeysDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ModuleDbContext.UseSchema(modelBuilder, Database, "keys");
        modelBuilder.Entity<DataProtectionKey>(b => b.ToTable("DataProtectionKeys"));
    }
}
