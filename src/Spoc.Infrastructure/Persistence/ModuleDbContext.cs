using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Messaging;
using Spoc.SharedKernel.Outbox;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Scheduling;

namespace Spoc.SharedKernel.Persistence;

/// <summary>
/// A module's DbContext: its own schema, plus its outbox, its inbox and the schedule of its jobs.
/// Table names carry the module name because SQLite has no schemas and all modules share one file.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options), IHasScheduledRuns
{
    /// <summary>"Platform", "Cohorts"...: prefix of the outbox tables; its lower case is the schema.</summary>
    protected abstract string ModuleName { get; }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxRecord> InboxRecords => Set<InboxRecord>();
    public DbSet<ScheduledRun> ScheduledRuns => Set<ScheduledRun>();

    private readonly HashSet<IVersioned> _expected = [];

    private DateTimeOffset _lastEventAt;

    /// <summary>
    /// <c>If-Match</c> on a loaded entity: 412 if it is stale now, and the next save writes it only if its version is still the
    /// one matched (412 too when a concurrent writer got there first), even when nothing else of it changed.
    /// </summary>
    public void Expect(IVersioned entity, string? ifMatch)
    {
        ETags.EnsureMatches(ifMatch, entity.Version);
        if (!string.IsNullOrWhiteSpace(ifMatch) && ifMatch.Trim() != "*")
        {
            _expected.Add(entity);
        }
    }

    /// <summary>Contexts are pooled: one going back to the pool forgets what its request expected (EF resets the rest).</summary>
    public override void Dispose()
    {
        _expected.Clear();
        _lastEventAt = default;
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override ValueTask DisposeAsync()
    {
        _expected.Clear();
        _lastEventAt = default;
        GC.SuppressFinalize(this);
        return base.DisposeAsync();
    }

    /// <summary>Every versioned entity written gets a new version; a conditional write that lost its race is a failed precondition.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            var version = entry.Property(e => e.Version);
            // A new entity keeps a version it was given: rows written together may share one (a group's grades).
            var written = entry.State == EntityState.Modified || (entry.State == EntityState.Unchanged && _expected.Contains(entry.Entity))
                || (entry.State == EntityState.Added && version.CurrentValue == Guid.Empty);
            if (written && !version.IsModified)
            {
                version.CurrentValue = Guid.NewGuid();
            }
        }

        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        // A conditional write lost its race (or the row it expected to create now exists): whatever part of it failed, the caller's copy is stale.
        catch (DbUpdateException e) when (_expected.Count > 0 && (e is DbUpdateConcurrencyException || e.Entries.Any(entry => entry.Entity is IVersioned v && _expected.Contains(v))))
        {
            throw ProblemException.PreconditionFailed();
        }
        finally
        {
            _expected.Clear();
        }
    }

    /// <summary>
    /// Queues an event in the outbox; it is committed by the same SaveChanges as the change it reports. Events queued by one
    /// context are published in the order they were queued (a decision before the enrolment it causes): the dispatcher goes
    /// by time, so one queued at the same instant as the previous one is placed a tick after it.
    /// </summary>
    public void AddIntegrationEvent(IntegrationEvent integrationEvent, DateTimeOffset now)
    {
        _lastEventAt = now > _lastEventAt ? now : _lastEventAt.AddTicks(1);
        var message = OutboxMessage.From(integrationEvent, _lastEventAt);
        message.NextAttemptAt = now; // due now, even on a clock that tests hold still
        OutboxMessages.Add(message);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        UseSchema(modelBuilder, Database, ModuleName.ToLowerInvariant());
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable($"{ModuleName}Outbox");
            b.HasKey(m => m.Id);
            b.Property(m => m.Type).HasMaxLength(400);
            b.Property(m => m.LastError).HasMaxLength(2000);
            b.Property(m => m.LockedBy).HasMaxLength(100);
            b.HasIndex(m => new { m.ProcessedAt, m.NextAttemptAt });
        });
        modelBuilder.Entity<InboxRecord>(b =>
        {
            b.ToTable($"{ModuleName}Inbox");
            b.HasKey(r => new { r.EventId, r.Handler });
            b.Property(r => r.Handler).HasMaxLength(300);
        });
        ScheduledRun.Map(modelBuilder, ModuleName);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        UseSortableTimes(configurationBuilder, Database);
        configurationBuilder.Conventions.Add(_ => new VersionIsConcurrencyToken());
    }

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
