using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

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
    /// <summary>Opens the change: locks the organisation's memberships, then checks that the caller is its admin (under the lock too: an admin demoted a moment ago changes nothing more).</summary>
    /// <param name="ifMatch">The organisation's ETag as the caller read it, if any: the change happens only from that version (else 412).</param>
    public static async Task<IDbContextTransaction> LockMembershipsAsync(this PlatformDbContext db, Guid organizationId, ICurrentUser me, string? ifMatch, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        var organization = db.Organizations.Where(o => o.Id == organizationId);
        var expected = ETags.VersionsIn(ifMatch);
        var bumped = await (expected is null ? organization : organization.Where(o => expected.Contains(o.Version)))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Version, Guid.NewGuid()), ct);
        // Who the caller is comes before whether their copy is stale: an outsider learns nothing from a 412.
        await db.RequireRoleAsync(organizationId, me, ct, OrganizationRole.OrgAdmin);
        if (bumped == 0)
        {
            throw ProblemException.PreconditionFailed();
        }

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
