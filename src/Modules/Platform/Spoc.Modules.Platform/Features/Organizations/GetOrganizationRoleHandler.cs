using Mediator;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Contracts;
using Spoc.Modules.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Spoc.Modules.Platform.Features.Organizations;

/// <summary>Answers <see cref="GetOrganizationRole"/> for the other modules' tenant checks.</summary>
internal sealed class GetOrganizationRoleHandler(PlatformDbContext db) : IQueryHandler<GetOrganizationRole, OrganizationRole?>
{
    public async ValueTask<OrganizationRole?> Handle(GetOrganizationRole query, CancellationToken cancellationToken)
    {
        var isAdmin = await db.Users.AnyAsync(u => u.Id == query.UserId && u.IsPlatformAdmin, cancellationToken);
        return await db.RoleOfAsync(query.OrganizationId, query.UserId, isAdmin, cancellationToken);
    }
}
