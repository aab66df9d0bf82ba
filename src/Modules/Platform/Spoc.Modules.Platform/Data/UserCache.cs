using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Spoc.SharedKernel.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Platform.Contracts;
using ZiggyCreatures.Caching.Fusion;

namespace Spoc.Modules.Platform.Data;

/// <summary>
/// Who people are, as every other module asks on nearly every request: a person's organisations (the access checks) and
/// their names (rosters, forum pages). Kept in memory for a minute and forgotten the moment Platform commits a change to
/// them, on every instance when Redis carries the word (ADR 0056).
/// </summary>
internal sealed class UserCache(IFusionCache cache)
{
    /// <summary>How long an entry may live without a change being heard of: the bound on staleness if an invalidation is lost.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    // Filling an entry tells no one (other instances have nothing to forget); forgetting one tells every instance, and the
    // write that caused it waits until the word is out.
    private readonly FusionCacheEntryOptions _fill = new() { Duration = Lifetime, SkipBackplaneNotifications = true };
    private readonly FusionCacheEntryOptions _forget = new() { SkipBackplaneNotifications = false, AllowBackgroundBackplaneOperations = false };

    public ValueTask<UserOrganizations> OrganizationsAsync(Guid userId, Func<CancellationToken, Task<UserOrganizations>> load, CancellationToken ct) =>
        cache.GetOrSetAsync<UserOrganizations>(OrganizationsKey(userId), (_, token) => load(token), options: _fill, token: ct);

    /// <summary>The people asked for that exist, those not in memory read in one query.</summary>
    public async Task<IReadOnlyList<UserSummary>> SummariesAsync(
        IReadOnlyCollection<Guid> userIds, Func<Guid[], CancellationToken, ValueTask<List<UserSummary>>> load, CancellationToken ct)
    {
        var found = new List<UserSummary>(userIds.Count);
        var missing = new List<Guid>();
        foreach (var id in userIds.Distinct())
        {
            if (cache.TryGet<UserSummary>(SummaryKey(id), _fill, ct) is { HasValue: true } hit)
            {
                found.Add(hit.Value);
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count > 0)
        {
            foreach (var user in await load([.. missing], ct))
            {
                cache.Set(SummaryKey(user.Id), user, _fill, token: ct);
                found.Add(user);
            }
        }

        return found;
    }

    /// <summary>All at once: an organisation's suspension forgets every member, and each removal waits for its publication.</summary>
    public Task ForgetAsync(IEnumerable<Guid> userIds) =>
        Task.WhenAll(userIds.SelectMany(id => new[] { OrganizationsKey(id), SummaryKey(id) }).Select(key => cache.RemoveAsync(key, _forget).AsTask()));

    private static string OrganizationsKey(Guid userId) => $"platform:organizations:{userId}";

    private static string SummaryKey(Guid userId) => $"platform:user:{userId}";
}

/// <summary>
/// Forgets the people a Platform save touches (the user, their memberships, an organisation's members and API clients when
/// it is renamed, suspended or reactivated, an API client) once it is committed: after the transaction when there is one, so that no
/// request reads the old rows back into the cache between the save and the commit.
/// </summary>
internal sealed class UserCacheInvalidation(UserCache users) : ForgetOnCommit<PlatformDbContext, Guid>
{
    protected override Task ForgetAsync(IReadOnlyCollection<Guid> touched) => users.ForgetAsync(touched);

    protected override async ValueTask<IReadOnlyCollection<Guid>> TouchedAsync(PlatformDbContext db, CancellationToken ct)
    {
        var touched = new HashSet<Guid>();
        var organizations = new List<Guid>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry)
            {
                case { State: EntityState.Modified or EntityState.Deleted, Entity: User user }:
                    touched.Add(user.Id);
                    break;
                case { State: EntityState.Added or EntityState.Modified or EntityState.Deleted, Entity: OrganizationMember member }:
                    touched.Add(member.UserId);
                    break;
                case { State: EntityState.Modified or EntityState.Deleted, Entity: ApiClient client }:
                    touched.Add(client.Id);
                    break;
                case { Entity: Organization organization } when entry.State == EntityState.Deleted
                    || (entry.State == EntityState.Modified && (entry.Property(nameof(Organization.Name)).IsModified || entry.Property(nameof(Organization.SuspendedAt)).IsModified)):
                    organizations.Add(organization.Id);
                    break;
            }
        }

        if (organizations.Count > 0)
        {
            touched.UnionWith(await db.OrganizationMembers.Where(m => organizations.Contains(m.OrganizationId)).Select(m => m.UserId).ToListAsync(ct));
            touched.UnionWith(await db.ApiClients.Where(c => organizations.Contains(c.OrganizationId)).Select(c => c.Id).ToListAsync(ct));
        }

        return touched;
    }
}

internal static class UserCacheRegistration
{
    /// <summary>One FusionCache per instance; with <c>Redis:Connection</c> the host registers its backplane, which it then uses.</summary>
    public static IServiceCollection AddPlatformCache(this IServiceCollection services)
    {
        // Its Redis channel is prefixed like the deployment's other keys and channels (docs/deployment.md).
        services.AddFusionCache().WithOptions(o => o.BackplaneChannelPrefix = "spoc").TryWithRegisteredBackplane();
        return services
            .AddSingleton<UserCache>()
            .AddSingleton<UserCacheInvalidation>()
            .AddSingleton<IInterceptor>(sp => sp.GetRequiredService<UserCacheInvalidation>());
    }
}
