using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Files;

namespace Spoc.Modules.Platform;

/// <summary>Platform's front door: every query other modules send it (Platform.Contracts) is answered in this file.</summary>
internal sealed class ContractQueries(PlatformDbContext db) :
    IQueryHandler<GetOrganizationRole, OrganizationRole?>,
    IQueryHandler<GetUsers, IReadOnlyList<UserSummary>>,
    IQueryHandler<FindUsersByEmail, IReadOnlyList<UserSummary>>,
    IQueryHandler<GetUserOrganizations, UserOrganizations>,
    IQueryHandler<GetOrganizations, IReadOnlyList<OrganizationSummary>>,
    IQueryHandler<GetMemberships, IReadOnlyList<MembershipOfUser>>,
    IQueryHandler<GetUserProfile, UserProfile?>
{
    public async ValueTask<OrganizationRole?> Handle(GetOrganizationRole query, CancellationToken cancellationToken)
    {
        var isAdmin = await db.Users.AnyAsync(u => u.Id == query.UserId && u.IsPlatformAdmin, cancellationToken);
        return await db.RoleOfAsync(query.OrganizationId, query.UserId, isAdmin, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<UserSummary>> Handle(GetUsers query, CancellationToken cancellationToken) =>
        query.UserIds.Count == 0
            ? []
            : await db.Users.AsNoTracking()
                .Where(u => query.UserIds.Contains(u.Id))
                .Select(u => new UserSummary(u.Id, u.Email, u.DisplayName, u.PreferredLanguage))
                .ToListAsync(cancellationToken);

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

    public async ValueTask<UserOrganizations> Handle(GetUserOrganizations query, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == query.UserId)
            .Select(u => new
            {
                u.IsPlatformAdmin,
                Memberships = db.OrganizationMembers.Where(m => m.UserId == u.Id)
                    .Select(m => new OrganizationMembershipSummary(m.OrganizationId, m.Organization.Name, m.Role)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return user is null ? new UserOrganizations(false, []) : new UserOrganizations(user.IsPlatformAdmin, user.Memberships);
    }

    public async ValueTask<IReadOnlyList<OrganizationSummary>> Handle(GetOrganizations query, CancellationToken cancellationToken) =>
        query.OrganizationIds.Count == 0
            ? []
            : await db.Organizations.AsNoTracking()
                .Where(o => query.OrganizationIds.Contains(o.Id))
                .Select(o => new OrganizationSummary(o.Id, o.Name))
                .ToListAsync(cancellationToken);

    public async ValueTask<IReadOnlyList<MembershipOfUser>> Handle(GetMemberships query, CancellationToken cancellationToken) =>
        query.UserIds.Count == 0 || query.OrganizationIds.Count == 0
            ? []
            : await db.OrganizationMembers.AsNoTracking()
                .Where(m => query.UserIds.Contains(m.UserId) && query.OrganizationIds.Contains(m.OrganizationId))
                .Select(m => new MembershipOfUser(m.UserId, m.OrganizationId, m.Role))
                .ToListAsync(cancellationToken);

    public async ValueTask<UserProfile?> Handle(GetUserProfile query, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.Id == query.UserId)
            .Select(u => new UserProfile(u.Id, u.Email, u.DisplayName, u.PreferredLanguage, u.IsPlatformAdmin,
                db.OrganizationMembers
                    .Where(m => m.UserId == u.Id)
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

/// <summary>Answers <see cref="GetStoredFile"/> and <see cref="OpenStoredFile"/> for the modules that attach files.</summary>
internal sealed class StoredFileQueries(PlatformDbContext db, IFileStorage storage) : IQueryHandler<GetStoredFile, StoredFileInfo?>, IQueryHandler<OpenStoredFile, OpenedFile?>
{
    public async ValueTask<StoredFileInfo?> Handle(GetStoredFile query, CancellationToken cancellationToken) =>
        await db.Files.AsNoTracking().Where(f => f.Id == query.FileId)
            .Select(f => new StoredFileInfo(f.Id, f.OwnerId, f.FileName, f.ContentType, f.Size))
            .FirstOrDefaultAsync(cancellationToken);

    public async ValueTask<OpenedFile?> Handle(OpenStoredFile query, CancellationToken cancellationToken)
    {
        var file = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Id == query.FileId, cancellationToken);
        return file is null
            ? null
            : new OpenedFile(new StoredFileInfo(file.Id, file.OwnerId, file.FileName, file.ContentType, file.Size), await storage.OpenReadAsync(file.StorageKey, cancellationToken));
    }
}
