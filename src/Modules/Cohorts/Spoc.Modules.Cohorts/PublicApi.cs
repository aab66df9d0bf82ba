using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;

namespace Spoc.Modules.Cohorts;

/// <summary>The front door of Cohorts for other modules: its answers to the queries of <c>Cohorts.Contracts</c>.</summary>
internal sealed class PublicApi(CohortsDbContext db, CohortGate gate) :
    IQueryHandler<GetCohortMembershipsOfUser, IReadOnlyList<CohortMembership>>,
    IQueryHandler<GetCohortAccess, CohortAccessInfo?>,
    IQueryHandler<GetMenteesOf, IReadOnlyList<Mentee>>
{
    public async ValueTask<IReadOnlyList<Mentee>> Handle(GetMenteesOf query, CancellationToken cancellationToken) =>
        await db.Members.AsNoTracking()
            .Where(m => m.MentorId == query.MentorId && m.Role == CohortRole.Learner)
            .Select(m => new Mentee(m.CohortId, m.UserId))
            .ToListAsync(cancellationToken);

    public async ValueTask<CohortAccessInfo?> Handle(GetCohortAccess query, CancellationToken cancellationToken) =>
        await gate.AccessInfoAsync(query.UserId, query.CohortId, cancellationToken);

    public async ValueTask<IReadOnlyList<CohortMembership>> Handle(GetCohortMembershipsOfUser query, CancellationToken cancellationToken) =>
        await db.Cohorts.AsNoTracking()
            .SelectMany(c => c.Members.Where(m => m.UserId == query.UserId), (c, m) => new { c, m.Role })
            .OrderBy(x => x.c.StartsOn).ThenBy(x => x.c.Id)
            .Select(x => new CohortMembership(x.c.Id, x.c.Title, x.c.OrganizationId, x.Role, x.c.StartsOn, x.c.EndsOn, x.c.TimeZone))
            .ToListAsync(cancellationToken);
}
