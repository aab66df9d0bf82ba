using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.SharedKernel.Paging;

namespace Spoc.Modules.Cohorts;

/// <summary>The front door of Cohorts for other modules: its answers to the queries of <c>Cohorts.Contracts</c>.</summary>
internal sealed class PublicApi(CohortsDbContext db, CohortGate gate, CohortAccessCache cache) :
    IQueryHandler<GetCohortMembershipsOfUser, IReadOnlyList<CohortMembership>>,
    IQueryHandler<GetCohortAccess, CohortAccessInfo?>,
    IQueryHandler<GetProjectGroupOf, ProjectGroupMembers?>,
    IQueryHandler<GetCohortLearnerPage, PagedResult<Guid>>,
    IQueryHandler<GetCohortLearners, CohortRoster?>,
    IQueryHandler<GetMenteesOf, IReadOnlyList<Mentee>>,
    IQueryHandler<GetCohortPeople, CohortPeople>,
    IQueryHandler<GetFollowUpStaff, FollowUpStaff?>,
    IQueryHandler<GetCohortCertificationFacts, CohortCertificationFacts?>,
    IQueryHandler<GetCohortTitles, IReadOnlyDictionary<Guid, string>>
{
    /// <summary>One statement: the cohort and its accepted partners.</summary>
    public async ValueTask<CohortCertificationFacts?> Handle(GetCohortCertificationFacts query, CancellationToken cancellationToken) =>
        await db.Cohorts.AsNoTracking()
            .Where(c => c.Id == query.CohortId)
            .Select(c => new CohortCertificationFacts(c.Id, c.Title, c.CourseId, c.OrganizationId, c.StartsOn, c.EndsOn,
                c.Organizations.Where(o => o.OrganizationId != c.OrganizationId && o.Status == PartnershipStatus.Accepted).OrderBy(o => o.DecidedAt).Select(o => o.OrganizationId).ToList()))
            .FirstOrDefaultAsync(cancellationToken);

    public async ValueTask<IReadOnlyDictionary<Guid, string>> Handle(GetCohortTitles query, CancellationToken cancellationToken) =>
        query.CohortIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Cohorts.AsNoTracking()
                .Where(c => query.CohortIds.Contains(c.Id) && (c.OrganizationId == query.OrganizationId
                    || c.Organizations.Any(o => o.OrganizationId == query.OrganizationId && o.Status == PartnershipStatus.Accepted)))
                .ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);

    public async ValueTask<CohortPeople> Handle(GetCohortPeople query, CancellationToken cancellationToken) => new(
        await db.Members.AsNoTracking().Where(m => m.CohortId == query.CohortId).Select(m => new CohortPerson(m.UserId, m.Role, m.GroupId)).ToListAsync(cancellationToken),
        await db.Groups.AsNoTracking().Where(g => g.CohortId == query.CohortId).Select(g => g.Id).ToListAsync(cancellationToken));

    /// <summary>One statement: the learner's row and the trainers' rows.</summary>
    public async ValueTask<FollowUpStaff?> Handle(GetFollowUpStaff query, CancellationToken cancellationToken)
    {
        var rows = await db.Members.AsNoTracking()
            .Where(m => m.CohortId == query.CohortId && ((m.UserId == query.LearnerId && m.Role == CohortRole.Learner) || m.Role == CohortRole.Trainer))
            .Select(m => new { m.UserId, m.Role, m.MentorId })
            .ToListAsync(cancellationToken);
        return rows.FirstOrDefault(m => m.Role == CohortRole.Learner) is { } learner
            ? new FollowUpStaff(learner.MentorId, rows.Where(m => m.Role == CohortRole.Trainer).Select(m => m.UserId).Order().ToList())
            : null;
    }

    public async ValueTask<PagedResult<Guid>> Handle(GetCohortLearnerPage query, CancellationToken cancellationToken)
    {
        var learners = db.Members.AsNoTracking()
            .Where(m => m.CohortId == query.CohortId && m.Role == CohortRole.Learner && (query.MentorId == null || m.MentorId == query.MentorId));
        var total = await learners.CountAsync(cancellationToken);
        var page = total == 0 ? [] : await learners.OrderBy(m => m.JoinedAt).ThenBy(m => m.UserId)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(m => m.UserId).ToListAsync(cancellationToken);
        return new PagedResult<Guid>(page, query.Page, query.PageSize, total);
    }

    public async ValueTask<IReadOnlyList<Mentee>> Handle(GetMenteesOf query, CancellationToken cancellationToken) =>
        await db.Members.AsNoTracking()
            .Where(m => m.MentorId == query.MentorId && m.Role == CohortRole.Learner)
            .Select(m => new Mentee(m.CohortId, m.UserId))
            .ToListAsync(cancellationToken);

    public async ValueTask<CohortAccessInfo?> Handle(GetCohortAccess query, CancellationToken cancellationToken) =>
        await gate.AccessInfoAsync(query.UserId, query.CohortId, cancellationToken);

    public async ValueTask<IReadOnlyList<CohortMembership>> Handle(GetCohortMembershipsOfUser query, CancellationToken cancellationToken) =>
        await cache.MembershipsAsync(query.UserId, async ct => await MembershipsOf(db, query.UserId).ToListAsync(ct), cancellationToken);

    /// <summary>Every agenda, calendar and staff home asks it: compiled once, as every hot read (docs/performance.md), and remembered until it changes (ADR 0057).</summary>
    private static readonly Func<CohortsDbContext, Guid, IAsyncEnumerable<CohortMembership>> MembershipsOf =
        EF.CompileAsyncQuery((CohortsDbContext db, Guid userId) =>
            db.Cohorts.AsNoTracking()
                .SelectMany(c => c.Members.Where(m => m.UserId == userId), (c, m) => new { c, m.Role, m.GroupId })
                .OrderBy(x => x.c.StartsOn).ThenBy(x => x.c.Id)
                .Select(x => new CohortMembership(x.c.Id, x.c.Title, x.c.OrganizationId, x.Role, x.c.StartsOn, x.c.EndsOn, x.c.TimeZone, x.GroupId, x.c.CourseId)));

    /// <summary>One statement: the learner's group, its name and its learners.</summary>
    public async ValueTask<ProjectGroupMembers?> Handle(GetProjectGroupOf query, CancellationToken cancellationToken) =>
        await db.Groups.AsNoTracking()
            .Where(g => g.CohortId == query.CohortId
                && db.Members.Any(m => m.CohortId == query.CohortId && m.UserId == query.LearnerId && m.GroupId == g.Id))
            .Select(g => new ProjectGroupMembers(g.Id, g.Name,
                db.Members.Where(m => m.CohortId == query.CohortId && m.GroupId == g.Id && m.Role == CohortRole.Learner).OrderBy(m => m.UserId).Select(m => m.UserId).ToList()))
            .FirstOrDefaultAsync(cancellationToken);

    public async ValueTask<CohortRoster?> Handle(GetCohortLearners query, CancellationToken cancellationToken) =>
        await db.Cohorts.AsNoTracking()
            .Where(c => c.Id == query.CohortId)
            .Select(c => new CohortRoster(c.Id, c.CourseId, c.TimeZone, c.Members.Where(m => m.Role == CohortRole.Learner && (query.LearnerId == null || m.UserId == query.LearnerId)).Select(m => m.UserId).ToList()))
            .FirstOrDefaultAsync(cancellationToken);
}
