using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Problems;

namespace Spoc.Modules.Platform.Auth;

/// <summary>
/// Role changes and removals of one organisation, one at a time: two admins demoting each other at once must not both
/// see "another admin is left" and leave none. Each change opens a transaction whose first statement writes the
/// organisation's row (its version, also its ETag: the member count and roles it shows change), which holds the row's
/// write lock until commit on SQL Server and the database's on SQLite; the second change waits, then reads the first's result.
/// A request that fails (404, 403, 409) rolls the bump back with the transaction.
/// </summary>
internal static class OrganizationMemberships
{
    public static async Task<IDbContextTransaction> LockMembershipsAsync(this PlatformDbContext db, Guid organizationId, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Organizations.Where(o => o.Id == organizationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Version, Guid.NewGuid()), ct);
        return transaction;
    }

    /// <summary>Inside the lock: the member, or 404; and 409 last-org-admin when they would take the organisation's last admin with them.</summary>
    public static async Task<OrganizationMember> MemberLeavingRoleAsync(this PlatformDbContext db, Guid organizationId, Guid userId, OrganizationRole? newRole, CancellationToken ct)
    {
        var member = await db.OrganizationMembers.Include(m => m.User).FirstOrDefaultAsync(m => m.OrganizationId == organizationId && m.UserId == userId, ct)
            ?? throw ProblemException.NotFound("This member");
        if (member.Role == OrganizationRole.OrgAdmin && newRole != OrganizationRole.OrgAdmin
            && !await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == organizationId && m.Role == OrganizationRole.OrgAdmin && m.UserId != userId, ct))
        {
            throw PlatformProblems.LastOrgAdmin.Exception();
        }

        return member;
    }
}
