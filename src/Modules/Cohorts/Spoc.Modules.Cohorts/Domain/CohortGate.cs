using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Features.Cohorts;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Domain;

/// <summary>The caller as Cohorts sees them: which organisations they belong to, and where they are admin.</summary>
internal sealed record Viewer(Guid UserId, bool IsPlatformAdmin, IReadOnlyList<Guid> MemberOf, IReadOnlyList<Guid> AdminOf);

/// <summary>
/// A cohort as the caller may see it: their role in it and what they may do (<see cref="CohortCapabilities"/>).
/// <c>EligibleOrganizations</c>: whose people may join (the owner and the partners that accepted);
/// <c>OwnPeopleOrganizations</c>: those of them the caller administers as a partner.
/// </summary>
internal sealed record CohortAccess(
    Guid CohortId, Guid CourseId, Guid OrganizationId, string Title, AdmissionMode Mode, CohortRole? Role,
    IReadOnlySet<CohortCapability> Capabilities, IReadOnlySet<Guid> MentoredLearnerIds,
    IReadOnlyList<Guid> EligibleOrganizations, IReadOnlyList<Guid> OwnPeopleOrganizations,
    DateOnly StartsOn, DateOnly EndsOn, string TimeZone, Guid? GroupId)
{
    public CohortAccessInfo Info => new(CohortId, CourseId, OrganizationId, Role, Capabilities, MentoredLearnerIds, StartsOn, EndsOn, TimeZone, GroupId);

    public bool Can(CohortCapability capability) => Capabilities.Contains(capability);

    public bool CanActOn(Guid learnerId) => Info.CanActOn(learnerId);

    /// <summary>403 unless the caller holds <paramref name="capability"/>; the table decides, not the handler.</summary>
    public CohortAccess Require(CohortCapability capability) =>
        Can(capability) ? this : throw ProblemException.Forbidden($"Your place in this cohort does not allow this ({capability}).");
}

/// <summary>
/// Who may see and run a cohort, decided in one place: a query finds the cohorts the caller may see at all (its members,
/// the owning organisation's admins, the platform admin, the admins of partners that accepted, and for cohorts that
/// take applications the people of the eligible organisations); anyone else finds nothing (404). What they may do
/// there comes from the capability table (<see cref="CohortCapabilities"/>); lacking it is 403.
/// </summary>
internal sealed class CohortGate(CohortsDbContext db, CohortAccessCache cache, ISender sender, ICurrentUser me)
{
    private Viewer? _viewer;

    public async Task<Viewer> ViewerAsync(CancellationToken ct) => _viewer ??= await ViewerAsync(me.Id, ct);

    public async Task<Viewer> ViewerAsync(Guid userId, CancellationToken ct)
    {
        var organizations = await sender.Send(new GetUserOrganizations(userId), ct);
        return new Viewer(
            userId,
            organizations.IsPlatformAdmin,
            organizations.Memberships.Select(m => m.OrganizationId).ToList(),
            organizations.Memberships.Where(m => m.Role == OrganizationRole.OrgAdmin).Select(m => m.OrganizationId).ToList());
    }

    /// <summary>
    /// The cohorts <paramref name="viewer"/> may see: as a member or staff, or as an eligible applicant. A pending or declined partnership opens nothing.
    /// For lists; one cohort by its key is decided by <see cref="CanSee"/>, the same rule in memory.
    /// </summary>
    public IQueryable<Cohort> Visible(Viewer viewer) =>
        db.Cohorts.Where(c =>
            viewer.IsPlatformAdmin
            || viewer.AdminOf.Contains(c.OrganizationId)
            || c.Organizations.Any(o => o.Status == PartnershipStatus.Accepted && viewer.AdminOf.Contains(o.OrganizationId))
            || c.Members.Any(m => m.UserId == viewer.UserId)
            || c.Applications.Any(a => a.ApplicantId == viewer.UserId)
            || (c.AdmissionMode == AdmissionMode.Application && !c.OrganizationSuspended
                && (!c.Organizations.Any() || c.Organizations.Any(o => o.Status == PartnershipStatus.Accepted && viewer.MemberOf.Contains(o.OrganizationId)))));

    public async Task<CohortAccess> RequireVisibleAsync(Guid cohortId, CancellationToken ct) =>
        await AccessAsync(await ViewerAsync(ct), cohortId, ct) ?? throw ProblemException.NotFound("This cohort");

    /// <summary>404 to whoever may not see the cohort, 403 to whoever sees it without <paramref name="capability"/>.</summary>
    public async Task<CohortAccess> RequireAsync(Guid cohortId, CohortCapability capability, CancellationToken ct) =>
        (await RequireVisibleAsync(cohortId, ct)).Require(capability);

    /// <summary>
    /// For other modules (<see cref="GetCohortAccess"/>): the same rule for any user (the caller's viewer is read once per request).
    /// Outside a signed-in request (the live hub, background work) there is no caller to reuse.
    /// </summary>
    public async Task<CohortAccessInfo?> AccessInfoAsync(Guid userId, Guid cohortId, CancellationToken ct) =>
        (await AccessAsync(me.IsAuthenticated && userId == me.Id ? await ViewerAsync(ct) : await ViewerAsync(userId, ct), cohortId, ct))?.Info;

    /// <summary>
    /// <see cref="Visible"/> for one cohort already loaded, decided in memory: the cohort is found by its key, and its SQL does
    /// not depend on how many organisations the viewer belongs to (each list size would be another statement for EF to build).
    /// </summary>
    public static bool CanSee(Viewer viewer, Guid owningOrganizationId, AdmissionMode mode, CohortRole? role, bool applied, IReadOnlyCollection<Partnership> organizations,
        bool organizationSuspended) =>
        viewer.IsPlatformAdmin
        || viewer.AdminOf.Contains(owningOrganizationId)
        || organizations.Any(o => o.Status == PartnershipStatus.Accepted && viewer.AdminOf.Contains(o.OrganizationId))
        || role is not null
        || applied
        || (mode == AdmissionMode.Application && !organizationSuspended
            && (organizations.Count == 0 || organizations.Any(o => o.Status == PartnershipStatus.Accepted && viewer.MemberOf.Contains(o.OrganizationId))));

    /// <summary>
    /// One query by the cohort's key whatever the cohort's size: the role, the partnerships and the caller's mentees come with the cohort,
    /// remembered for the next requests until the cohort changes (<see cref="CohortAccessCache"/>). Compiled once: every cohort request runs it, and EF would otherwise extract its parameters and look its plan up in the query cache each time.
    /// </summary>
    private static readonly Func<CohortsDbContext, Guid, Guid, CancellationToken, Task<AccessRow?>> AccessRowOf =
        EF.CompileAsyncQuery((CohortsDbContext db, Guid cohortId, Guid userId, CancellationToken ct) =>
            db.Cohorts.AsNoTracking()
                .Where(c => c.Id == cohortId)
                .Select(c => new AccessRow(
                    c.Id, c.CourseId, c.OrganizationId, c.Title, c.AdmissionMode, c.StartsOn, c.EndsOn, c.TimeZone,
                    c.Members.Where(m => m.UserId == userId).Select(m => (CohortRole?)m.Role).FirstOrDefault(),
                    c.Members.Where(m => m.UserId == userId).Select(m => m.GroupId).FirstOrDefault(),
                    c.Applications.Any(a => a.ApplicantId == userId),
                    c.Organizations.Select(o => new Partnership(o.OrganizationId, o.Status)).ToList(),
                    c.Members.Where(m => m.MentorId == userId && m.Role == CohortRole.Learner).Select(m => m.UserId).ToList(),
                    c.OrganizationSuspended))
                .FirstOrDefault());

    internal sealed record AccessRow(
        Guid Id, Guid CourseId, Guid OrganizationId, string Title, AdmissionMode AdmissionMode, DateOnly StartsOn, DateOnly EndsOn, string TimeZone,
        CohortRole? Role, Guid? GroupId, bool Applied, List<Partnership> Organizations, List<Guid> Mentees, bool OrganizationSuspended);

    private async Task<CohortAccess?> AccessAsync(Viewer viewer, Guid cohortId, CancellationToken ct)
    {
        var c = await cache.AccessAsync(cohortId, viewer.UserId, token => AccessRowOf(db, cohortId, viewer.UserId, token), ct);
        if (c is null || !CanSee(viewer, c.OrganizationId, c.AdmissionMode, c.Role, c.Applied, c.Organizations, c.OrganizationSuspended))
        {
            return null;
        }

        var partners = c.Organizations.Where(o => o.Status == PartnershipStatus.Accepted && o.OrganizationId != c.OrganizationId).Select(o => o.OrganizationId).ToList();
        var capabilities = CohortCapabilities.Of(CohortCapabilities.Standings(viewer, c.OrganizationId, partners, c.Role));
        return new CohortAccess(
            c.Id, c.CourseId, c.OrganizationId, c.Title, c.AdmissionMode, c.Role, capabilities, c.Mentees.ToHashSet(),
            partners.Prepend(c.OrganizationId).ToList(), partners.Where(viewer.AdminOf.Contains).ToList(),
            c.StartsOn, c.EndsOn, c.TimeZone, c.GroupId);
    }

    /// <summary>The caller's capabilities in a cohort already loaded (lists and responses), with no further query.</summary>
    public static IReadOnlySet<CohortCapability> CapabilitiesOf(Viewer viewer, Guid owningOrganizationId, IEnumerable<Guid> acceptedPartners, CohortRole? role) =>
        CohortCapabilities.Of(CohortCapabilities.Standings(viewer, owningOrganizationId, acceptedPartners.Where(id => id != owningOrganizationId), role));
}
