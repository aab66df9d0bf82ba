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
    IQueryHandler<GetProjectGroupOf, ProjectGroupMembers?>
{
    public async ValueTask<CohortAccessInfo?> Handle(GetCohortAccess query, CancellationToken cancellationToken) =>
        await gate.AccessInfoAsync(query.UserId, query.CohortId, cancellationToken);

    public async ValueTask<IReadOnlyList<CohortMembership>> Handle(GetCohortMembershipsOfUser query, CancellationToken cancellationToken) =>
        await db.Cohorts.AsNoTracking()
            .SelectMany(c => c.Members.Where(m => m.UserId == query.UserId), (c, m) => new { c, m.Role })
            .OrderBy(x => x.c.StartsOn).ThenBy(x => x.c.Id)
            .Select(x => new CohortMembership(x.c.Id, x.c.Title, x.c.OrganizationId, x.Role, x.c.StartsOn, x.c.EndsOn, x.c.TimeZone))
            .ToListAsync(cancellationToken);

    /// <summary>One statement: the learner's group, its name and its learners.</summary>
    public async ValueTask<ProjectGroupMembers?> Handle(GetProjectGroupOf query, CancellationToken cancellationToken) =>
        await db.Groups.AsNoTracking()
            .Where(g => g.CohortId == query.CohortId
                && db.Members.Any(m => m.CohortId == query.CohortId && m.UserId == query.LearnerId && m.GroupId == g.Id))
            .Select(g => new ProjectGroupMembers(g.Id, g.Name,
                db.Members.Where(m => m.CohortId == query.CohortId && m.GroupId == g.Id && m.Role == CohortRole.Learner).OrderBy(m => m.UserId).Select(m => m.UserId).ToList()))
            .FirstOrDefaultAsync(cancellationToken);
}
