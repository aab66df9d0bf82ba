using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Spoc.SharedKernel.Messaging;
using Spoc.SharedKernel.Outbox;

namespace Spoc.SharedKernel.Persistence;

/// <summary>
/// A module's DbContext: its own schema, plus its outbox and inbox.
/// Table names carry the module name because SQLite has no schemas and all modules share one file.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>"Platform", "Cohorts"...: prefix of the outbox tables; its lower case is the schema.</summary>
    protected abstract string ModuleName { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxRecord> InboxRecords => Set<InboxRecord>();

    /// <summary>Queues an event in the outbox; it is committed by the same SaveChanges as the change it reports.</summary>
    public void AddIntegrationEvent(IntegrationEvent integrationEvent, DateTimeOffset now) =>
        OutboxMessages.Add(OutboxMessage.From(integrationEvent, now));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        UseSchema(modelBuilder, Database, ModuleName.ToLowerInvariant());
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable($"{ModuleName}Outbox");
            b.HasKey(m => m.Id);
            b.Property(m => m.Type).HasMaxLength(400);
            b.Property(m => m.LastError).HasMaxLength(2000);
            b.HasIndex(m => new { m.ProcessedAt, m.NextAttemptAt });
        });
        modelBuilder.Entity<InboxRecord>(b =>
        {
            b.ToTable($"{ModuleName}Inbox");
            b.HasKey(r => new { r.EventId, r.Handler });
            b.Property(r => r.Handler).HasMaxLength(300);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        UseSortableTimes(configurationBuilder, Database);

    /// <summary>Each module owns a schema on SQL Server; SQLite has none, so it is left out there rather than ignored with a warning.</summary>
    internal static void UseSchema(ModelBuilder modelBuilder, Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, string schema)
    {
        if (!database.IsSqlite())
        {
            modelBuilder.HasDefaultSchema(schema);
        }
    }

    /// <summary>
    /// SQLite cannot compare or sort DateTimeOffset: there it is stored as UTC ticks (an integer that sorts like the
    /// instant, whatever offset the client sent) and read back in UTC. SQL Server keeps its native datetimeoffset.
    /// </summary>
    internal static void UseSortableTimes(ModelConfigurationBuilder configurationBuilder, Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database)
    {
        if (database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}
