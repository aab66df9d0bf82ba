using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Auth;

/// <summary>
/// Tenant check in one query: outside the organisation (or no such organisation) is 404, inside with a role
/// too low is 403. The platform admin counts as an OrgAdmin of every organisation, an active API client as the OrgAdmin of
/// its own (its scopes narrow what it may call, ADR 0044); a suspended organisation's members hold nothing in it (404, as outsiders).
/// </summary>
internal static class OrganizationAccess
{
    public static async Task<OrganizationRole?> RoleOfAsync(this PlatformDbContext db, Guid organizationId, Guid userId, bool isPlatformAdmin, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == organizationId)
            .Select(o => new
            {
                Role = o.SuspendedAt != null ? null
                    : db.ApiClients.Any(c => c.Id == userId && c.OrganizationId == o.Id && c.RevokedAt == null) ? OrganizationRole.OrgAdmin
                    : o.Members.Where(m => m.UserId == userId).Select(m => (OrganizationRole?)m.Role).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return organization is null ? null : isPlatformAdmin ? OrganizationRole.OrgAdmin : organization.Role;
    }

    public static async Task RequireRoleAsync(this PlatformDbContext db, Guid organizationId, ICurrentUser me, CancellationToken ct, params OrganizationRole[] allowed)
    {
        var role = await db.RoleOfAsync(organizationId, me.Id, me.IsPlatformAdmin, ct) ?? throw ProblemException.NotFound("This organisation");
        if (allowed.Length > 0 && !allowed.Contains(role))
        {
            throw ProblemException.Forbidden($"This needs one of these roles in the organisation: {string.Join(", ", allowed)}.");
        }
    }
}
