using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Domain;
using Spoc.SharedKernel.Persistence;
using ZiggyCreatures.Caching.Fusion;

namespace Spoc.Modules.Cohorts.Data;

/// <summary>
/// What the other modules ask Cohorts on nearly every request, kept in memory for at most a minute and forgotten the moment
/// Cohorts commits a change to it, on every instance when Redis carries the word (ADR 0057): the cohort gate's row (the
/// cohort, the caller's role, group and mentees, the partnerships) per cohort and caller, forgotten for the whole cohort;
/// a person's cohorts (agenda, staff home), forgotten for that person, or for every member when the cohort changes. Who
/// the caller is in Platform (their organisations) is Platform's cache (ADR 0056).
/// </summary>
internal sealed class CohortAccessCache
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly FusionCacheEntryOptions _fill = new() { Duration = Lifetime, SkipBackplaneNotifications = true };
    private readonly FusionCacheEntryOptions _forget = new() { SkipBackplaneNotifications = false, AllowBackgroundBackplaneOperations = false };

    private readonly IFusionCache _cache;

    // How many forgets this instance has made or heard of from another one: a read that began before a forget does not
    // fill (it may hold the rows the committed change replaced).
    private long _forgets;

    public CohortAccessCache(IFusionCache cache)
    {
        _cache = cache;
        cache.Events.Backplane.MessageReceived += (_, _) => Interlocked.Increment(ref _forgets);
    }

    public async Task<CohortGate.AccessRow?> AccessAsync(Guid cohortId, Guid userId, Func<CancellationToken, Task<CohortGate.AccessRow?>> load, CancellationToken ct)
    {
        if (_cache.TryGet<ConcurrentDictionary<Guid, CohortGate.AccessRow>>(AccessKey(cohortId), _fill, ct) is { HasValue: true } known
            && known.Value.TryGetValue(userId, out var hit))
        {
            return hit;
        }

        // An unknown cohort is not remembered: ids anyone can make up would fill the memory.
        return await FillAsync(load, row => row is not null, row =>
        {
            var rows = _cache.GetOrSet(AccessKey(cohortId), _ => new ConcurrentDictionary<Guid, CohortGate.AccessRow>(), _fill, ct);
            rows[userId] = row!;
            return () => rows.TryRemove(userId, out _);
        }, ct);
    }

    public async Task<IReadOnlyList<CohortMembership>> MembershipsAsync(Guid userId, Func<CancellationToken, Task<IReadOnlyList<CohortMembership>>> load, CancellationToken ct) =>
        _cache.TryGet<IReadOnlyList<CohortMembership>>(MembershipsKey(userId), _fill, ct) is { HasValue: true } known
            ? known.Value
            : await FillAsync(load, _ => true, memberships =>
            {
                _cache.Set(MembershipsKey(userId), memberships, _fill, ct);
                return () => _cache.Remove(MembershipsKey(userId), _fill, ct);
            }, ct);

    /// <summary>Reads, and remembers what was read unless a forget came in between (then takes it back out).</summary>
    private async Task<T> FillAsync<T>(Func<CancellationToken, Task<T>> load, Func<T, bool> worthKeeping, Func<T, Action> keep, CancellationToken ct)
    {
        var before = Interlocked.Read(ref _forgets);
        var value = await load(ct);
        if (worthKeeping(value) && Interlocked.Read(ref _forgets) == before)
        {
            var takeBack = keep(value);
            if (Interlocked.Read(ref _forgets) != before)
            {
                takeBack();
            }
        }

        return value;
    }

    /// <summary>Every entry under these keys; each removal waits for its publication.</summary>
    public Task ForgetAsync(IEnumerable<string> keys)
    {
        Interlocked.Increment(ref _forgets);
        return Task.WhenAll(keys.Select(key => _cache.RemoveAsync(key, _forget).AsTask()));
    }

    public static string AccessKey(Guid cohortId) => $"cohorts:access:{cohortId}";

    public static string MembershipsKey(Guid userId) => $"cohorts:memberships:{userId}";
}

/// <summary>
/// Forgets, once a Cohorts save is committed, every cohort it touches (the cohort itself or any row that names it), the
/// cohorts of every person whose membership it adds, changes or removes, and those of every member of a cohort it edits
/// or of a group it deletes (the database ungroups its members).
/// </summary>
internal sealed class CohortAccessInvalidation(CohortAccessCache cache) : ForgetOnCommit<CohortsDbContext, string>
{
    protected override async ValueTask<IReadOnlyCollection<string>> TouchedAsync(CohortsDbContext db, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var keys = changed.SelectMany(CohortsOf).Select(CohortAccessCache.AccessKey)
            .Concat(changed.Where(e => e.Entity is CohortMember).SelectMany(e => Values(e, nameof(CohortMember.UserId))).Select(CohortAccessCache.MembershipsKey))
            .ToHashSet();
        var edited = changed.Where(e => e is { Entity: Cohort, State: EntityState.Modified or EntityState.Deleted }).Select(e => ((Cohort)e.Entity).Id)
            .Concat(changed.Where(e => e is { Entity: ProjectGroup, State: EntityState.Deleted }).Select(e => ((ProjectGroup)e.Entity).CohortId))
            .ToList();
        if (edited.Count > 0)
        {
            keys.UnionWith((await db.Members.Where(m => edited.Contains(m.CohortId)).Select(m => m.UserId).ToListAsync(ct)).Select(CohortAccessCache.MembershipsKey));
        }

        return keys;
    }

    protected override Task ForgetAsync(IReadOnlyCollection<string> touched) => cache.ForgetAsync(touched);

    private static IEnumerable<Guid> CohortsOf(EntityEntry entry) =>
        entry.Entity is Cohort cohort ? [cohort.Id] : entry.Metadata.FindProperty("CohortId") is { } property ? Values(entry, property.Name) : [];

    /// <summary>A key property's value before and after the change (a row moved to another cohort or person touches both).</summary>
    private static IEnumerable<Guid> Values(EntityEntry entry, string property) =>
        [(Guid)entry.Property(property).OriginalValue!, (Guid)entry.Property(property).CurrentValue!];
}

internal static class CohortAccessCacheRegistration
{
    public static IServiceCollection AddCohortAccessCache(this IServiceCollection services) => services
        .AddSingleton<CohortAccessCache>()
        .AddSingleton<CohortAccessInvalidation>()
        .AddSingleton<IInterceptor>(sp => sp.GetRequiredService<CohortAccessInvalidation>());
}
