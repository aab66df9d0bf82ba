using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Files;

namespace Spoc.Modules.Platform;

/// <summary>Platform's front door: every query other modules send it (Platform.Contracts) is answered in this file.</summary>
internal sealed class ContractQueries(PlatformDbContext db, UserCache cache) :
    IQueryHandler<GetOrganizationRole, OrganizationRole?>,
    IQueryHandler<GetUsers, IReadOnlyList<UserSummary>>,
    IQueryHandler<FindUsersByEmail, IReadOnlyList<UserSummary>>,
    IQueryHandler<GetUserOrganizations, UserOrganizations>,
    IQueryHandler<GetOrganizations, IReadOnlyList<OrganizationSummary>>,
    IQueryHandler<GetMemberships, IReadOnlyList<MembershipOfUser>>,
    IQueryHandler<GetOrganizationMemberIds, IReadOnlyList<Guid>>,
    IQueryHandler<GetUserProfile, UserProfile?>,
    IQueryHandler<IsApiClientActive, bool>
{
    /// <summary>
    /// Every course request asks it: answered from the caller's organisations as <see cref="UserCache"/> keeps them. A platform
    /// admin is the admin of every organisation that exists, which only the database knows (they are few and rare).
    /// </summary>
    public async ValueTask<OrganizationRole?> Handle(GetOrganizationRole query, CancellationToken cancellationToken) =>
        await Handle(new GetUserOrganizations(query.UserId), cancellationToken) switch
        {
            { IsPlatformAdmin: true } => await db.Organizations.AnyAsync(o => o.Id == query.OrganizationId, cancellationToken) ? OrganizationRole.OrgAdmin : null,
            var organizations => organizations.Memberships.FirstOrDefault(m => m.OrganizationId == query.OrganizationId)?.Role,
        };

    public async ValueTask<IReadOnlyList<UserSummary>> Handle(GetUsers query, CancellationToken cancellationToken) =>
        query.UserIds.Count == 0 ? [] : await cache.SummariesAsync(query.UserIds, (ids, ct) => UsersByIds(db, ids).ToListAsync(ct), cancellationToken);

    /// <summary>Names for rosters, matrices and forum pages: compiled once, like the other per-request contract queries below.</summary>
    private static readonly Func<PlatformDbContext, Guid[], IAsyncEnumerable<UserSummary>> UsersByIds =
        EF.CompileAsyncQuery((PlatformDbContext db, Guid[] ids) =>
            db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new UserSummary(u.Id, u.Email, u.DisplayName, u.PreferredLanguage)));

    public async ValueTask<IReadOnlyList<UserSummary>> Handle(FindUsersByEmail query, CancellationToken cancellationToken)
    {
        var normalized = query.Emails.Select(User.Normalize).Distinct().ToList();
        return normalized.Count == 0
            ? []
            : await db.Users.AsNoTracking()
                .Where(u => normalized.Contains(u.NormalizedEmail))
                .Select(u => new UserSummary(u.Id, u.Email, u.DisplayName, u.PreferredLanguage))
                .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Every cohort request asks this, so it costs what the caller's own memberships cost: flat rows from the user through
    /// the membership index. (A collection projection made SQLite materialise the join of every membership of the platform.)
    /// Compiled once: EF would otherwise extract its parameters and look its plan up in the query cache on every request.
    /// </summary>
    private static readonly Func<PlatformDbContext, Guid, IAsyncEnumerable<UserOrganizationRow>> UserOrganizationRows =
        EF.CompileAsyncQuery((PlatformDbContext db, Guid userId) =>
            from u in db.Users.AsNoTracking().Where(u => u.Id == userId)
            from m in db.OrganizationMembers.Where(m => m.UserId == u.Id).DefaultIfEmpty()
            orderby m!.OrganizationId
            // A suspended organisation's membership grants nothing; tested in the projection, since a filtered join is materialised over the whole platform.
            select new UserOrganizationRow(u.IsPlatformAdmin, m == null || m.Organization.SuspendedAt != null
                ? null
                : new OrganizationMembershipSummary(m.OrganizationId, m.Organization.Name, m.Role)));

    private sealed record UserOrganizationRow(bool IsPlatformAdmin, OrganizationMembershipSummary? Membership);

    /// <summary>From <see cref="UserCache"/> when it knows them: the access checks ask on nearly every request.</summary>
    public ValueTask<UserOrganizations> Handle(GetUserOrganizations query, CancellationToken cancellationToken) =>
        cache.OrganizationsAsync(query.UserId, ct => OrganizationsOf(query.UserId, ct), cancellationToken);

    private async Task<UserOrganizations> OrganizationsOf(Guid userId, CancellationToken cancellationToken)
    {
        var (isPerson, isPlatformAdmin) = (false, false);
        var memberships = new List<OrganizationMembershipSummary>();
        await foreach (var row in UserOrganizationRows(db, userId).WithCancellation(cancellationToken))
        {
            isPerson = true;
            isPlatformAdmin |= row.IsPlatformAdmin;
            if (row.Membership is not null)
            {
                memberships.Add(row.Membership);
            }
        }

        // No such person: perhaps an API client, the admin of its one organisation (people pay nothing for this).
        return isPerson
            ? new UserOrganizations(isPlatformAdmin, memberships)
            : new UserOrganizations(false, await ClientOrganization(db, userId).ToListAsync(cancellationToken));
    }

    private static readonly Func<PlatformDbContext, Guid, IAsyncEnumerable<OrganizationMembershipSummary>> ClientOrganization =
        EF.CompileAsyncQuery((PlatformDbContext db, Guid clientId) =>
            from c in db.ApiClients
            where c.Id == clientId && c.RevokedAt == null
            from o in db.Organizations.Where(o => o.Id == c.OrganizationId && o.SuspendedAt == null)
            select new OrganizationMembershipSummary(o.Id, o.Name, OrganizationRole.OrgAdmin));

    public async ValueTask<bool> Handle(IsApiClientActive query, CancellationToken cancellationToken) =>
        await db.ApiClients.AnyAsync(c => c.Id == query.ClientId && c.RevokedAt == null && db.Organizations.Any(o => o.Id == c.OrganizationId && o.SuspendedAt == null), cancellationToken);

    public async ValueTask<IReadOnlyList<OrganizationSummary>> Handle(GetOrganizations query, CancellationToken cancellationToken) =>
        query.OrganizationIds.Count == 0
            ? []
            : await db.Organizations.AsNoTracking()
                .Where(o => query.OrganizationIds.Contains(o.Id))
                .Select(o => new OrganizationSummary(o.Id, o.Name, o.SuspendedAt != null))
                .ToListAsync(cancellationToken);

    public async ValueTask<IReadOnlyList<Guid>> Handle(GetOrganizationMemberIds query, CancellationToken cancellationToken) =>
        await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.OrganizationId == query.OrganizationId && m.Organization.SuspendedAt == null && (query.Role == null || m.Role == query.Role))
            .Select(m => m.UserId).ToListAsync(cancellationToken);

    public async ValueTask<IReadOnlyList<MembershipOfUser>> Handle(GetMemberships query, CancellationToken cancellationToken) =>
        query.UserIds.Count == 0 || query.OrganizationIds.Count == 0
            ? []
            : await db.OrganizationMembers.AsNoTracking()
                .Where(m => query.UserIds.Contains(m.UserId) && query.OrganizationIds.Contains(m.OrganizationId) && m.Organization.SuspendedAt == null)
                .Select(m => new MembershipOfUser(m.UserId, m.OrganizationId, m.Role))
                .ToListAsync(cancellationToken);

    public async ValueTask<UserProfile?> Handle(GetUserProfile query, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.Id == query.UserId)
            .Select(u => new UserProfile(u.Id, u.Email, u.DisplayName, u.PreferredLanguage, u.IsPlatformAdmin,
                db.OrganizationMembers
                    .Where(m => m.UserId == u.Id && m.Organization.SuspendedAt == null)
                    .OrderBy(m => m.Organization.Name)
                    .Select(m => new ProfileOrganization(m.OrganizationId, m.Organization.Name, m.Organization.Slug, m.Role))
                    .ToList(),
                u.Version))
            .FirstOrDefaultAsync(cancellationToken);
}

/// <summary>Emails other modules look up are bounded like every other request text.</summary>
internal sealed class FindUsersByEmailValidator : AbstractValidator<FindUsersByEmail>
{
    public FindUsersByEmailValidator() => RuleForEach(q => q.Emails).MaximumLength(254);
}

/// <summary>Answers <see cref="GetStoredFiles"/> and <see cref="OpenStoredFile"/> for the modules that attach files.</summary>
internal sealed class StoredFileQueries(PlatformDbContext db, IFileStorage storage) : IQueryHandler<GetStoredFiles, IReadOnlyList<StoredFileInfo>>, IQueryHandler<OpenStoredFile, OpenedFile?>
{
    public async ValueTask<IReadOnlyList<StoredFileInfo>> Handle(GetStoredFiles query, CancellationToken cancellationToken) =>
        await db.Files.AsNoTracking().Where(f => query.FileIds.Contains(f.Id))
            .Select(f => new StoredFileInfo(f.Id, f.OwnerId, f.FileName, f.ContentType, f.Size))
            .ToListAsync(cancellationToken);

    public async ValueTask<OpenedFile?> Handle(OpenStoredFile query, CancellationToken cancellationToken)
    {
        var file = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == query.FileId, cancellationToken);
        return file is null
            ? null
            : new OpenedFile(new StoredFileInfo(file.Id, file.OwnerId, file.FileName, file.ContentType, file.Size), await storage.OpenReadAsync(file.StorageKey, cancellationToken));
    }
}
