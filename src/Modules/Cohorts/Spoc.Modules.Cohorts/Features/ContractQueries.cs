using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;

namespace Spoc.Modules.Cohorts.Features;

/// <summary>Answers to what other modules ask of Cohorts.</summary>
internal sealed class ContractQueries(CohortsDbContext db, Domain.CohortGate gate) :
    IQueryHandler<GetCohortMembershipsOfUser, IReadOnlyList<CohortMembership>>,
    IQueryHandler<GetCohortAccess, CohortAccessInfo?>
{
    public async ValueTask<CohortAccessInfo?> Handle(GetCohortAccess query, CancellationToken cancellationToken) =>
        await gate.AccessInfoAsync(query.UserId, query.CohortId, cancellationToken);

    public async ValueTask<IReadOnlyList<CohortMembership>> Handle(GetCohortMembershipsOfUser query, CancellationToken cancellationToken) =>
        await db.Cohorts.AsNoTracking()
            .SelectMany(c => c.Members.Where(m => m.UserId == query.UserId), (c, m) => new { c, m.Role })
            .OrderBy(x => x.c.StartsOn).ThenBy(x => x.c.Id)
            .Select(x => new CohortMembership(x.c.Id, x.c.Title, x.c.OrganizationId, x.Role, x.c.StartsOn, x.c.EndsOn, x.c.TimeZone))
            .ToListAsync(cancellationToken);
}
