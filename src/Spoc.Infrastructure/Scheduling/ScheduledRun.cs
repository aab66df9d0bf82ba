using Microsoft.EntityFrameworkCore;

namespace Spoc.SharedKernel.Scheduling;

/// <summary>
/// One scheduled job of a module (ADR 0051): when a run last started, and who runs it now until when. A run is taken by
/// an atomic conditional update of this row, so one instance among N runs each period.
/// </summary>
public sealed class ScheduledRun
{
    public string Job { get; init; } = "";

    public string? HeldBy { get; init; }

    public DateTimeOffset? RunningUntil { get; init; }

    public DateTimeOffset LastRunAt { get; init; }

    /// <summary><c>{Module}ScheduledRuns</c>, in the context's schema: each module keeps the schedule of its own jobs, as it keeps its outbox.</summary>
    internal static void Map(ModelBuilder modelBuilder, string module) => modelBuilder.Entity<ScheduledRun>(b =>
    {
        b.ToTable($"{module}ScheduledRuns");
        b.HasKey(r => r.Job);
        b.Property(r => r.Job).HasMaxLength(200);
        b.Property(r => r.HeldBy).HasMaxLength(100);
    });
}

/// <summary>A DbContext holding a <see cref="ScheduledRun"/> table: every module's, and the kernel's.</summary>
public interface IHasScheduledRuns
{
    DbSet<ScheduledRun> ScheduledRuns { get; }
}

/// <summary>The <c>Scheduling</c> section.</summary>
public sealed class SchedulingOptions
{
    /// <summary>How long a run holds its job before another instance may start it again, should this one vanish mid-run.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);
}
