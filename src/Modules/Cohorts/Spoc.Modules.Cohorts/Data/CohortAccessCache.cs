using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Cohorts.Domain;
using Spoc.SharedKernel.Persistence;
using ZiggyCreatures.Caching.Fusion;

namespace Spoc.Modules.Cohorts.Data;

/// <summary>
/// What the cohort gate reads on every cohort request (the cohort, the caller's role, group and mentees, the partnerships),
/// kept in memory per cohort and caller for at most a minute, and forgotten for the whole cohort the moment Cohorts commits
/// a change to it, on every instance when Redis carries the word (ADR 0057). Who the caller is in Platform (their
/// organisations) is Platform's cache (ADR 0056).
/// </summary>
internal sealed class CohortAccessCache(IFusionCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly FusionCacheEntryOptions _fill = new() { Duration = Lifetime, SkipBackplaneNotifications = true };
    private readonly FusionCacheEntryOptions _forget = new() { SkipBackplaneNotifications = false, AllowBackgroundBackplaneOperations = false };

    // How many times this instance forgot anything: a read that began before a forget does not fill (it may hold the rows
    // the committed change replaced).
    private long _forgets;

    public async Task<CohortGate.AccessRow?> GetAsync(Guid cohortId, Guid userId, Func<CancellationToken, Task<CohortGate.AccessRow?>> load, CancellationToken ct)
    {
        if (cache.TryGet<ConcurrentDictionary<Guid, CohortGate.AccessRow>>(Key(cohortId), _fill, ct) is { HasValue: true } known
            && known.Value.TryGetValue(userId, out var hit))
        {
            return hit;
        }

        var before = Interlocked.Read(ref _forgets);
        var row = await load(ct);
        // An unknown cohort is not remembered: ids anyone can make up would fill the memory.
        if (row is not null && Interlocked.Read(ref _forgets) == before)
        {
            var rows = cache.GetOrSet(Key(cohortId), _ => new ConcurrentDictionary<Guid, CohortGate.AccessRow>(), _fill, ct);
            rows[userId] = row;
            if (Interlocked.Read(ref _forgets) != before)
            {
                rows.TryRemove(userId, out _);
            }
        }

        return row;
    }

    /// <summary>Every caller's view of these cohorts; each removal waits for its publication.</summary>
    public Task ForgetAsync(IEnumerable<Guid> cohortIds)
    {
        Interlocked.Increment(ref _forgets);
        return Task.WhenAll(cohortIds.Select(id => cache.RemoveAsync(Key(id), _forget).AsTask()));
    }

    private static string Key(Guid cohortId) => $"cohorts:access:{cohortId}";
}

/// <summary>Forgets every cohort a Cohorts save touches (the cohort itself or any row that names it) once it is committed.</summary>
internal sealed class CohortAccessInvalidation(CohortAccessCache access) : ForgetOnCommit<CohortsDbContext>
{
    protected override ValueTask<IReadOnlyCollection<Guid>> TouchedAsync(CohortsDbContext db, CancellationToken ct) =>
        ValueTask.FromResult<IReadOnlyCollection<Guid>>(db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .SelectMany(CohortsOf)
            .ToHashSet());

    protected override Task ForgetAsync(IReadOnlyCollection<Guid> touched) => access.ForgetAsync(touched);

    private static IEnumerable<Guid> CohortsOf(EntityEntry entry) => entry.Entity switch
    {
        Cohort cohort => [cohort.Id],
        _ when entry.Metadata.FindProperty("CohortId") is { } property => [(Guid)entry.Property(property.Name).OriginalValue!, (Guid)entry.Property(property.Name).CurrentValue!],
        _ => [],
    };
}

internal static class CohortAccessCacheRegistration
{
    public static IServiceCollection AddCohortAccessCache(this IServiceCollection services) => services
        .AddSingleton<CohortAccessCache>()
        .AddSingleton<CohortAccessInvalidation>()
        .AddSingleton<IInterceptor>(sp => sp.GetRequiredService<CohortAccessInvalidation>());
}
