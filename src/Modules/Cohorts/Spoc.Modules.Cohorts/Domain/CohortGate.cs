using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Domain;

/// <summary>The caller as Cohorts sees them: which organisations they belong to, and where they are admin.</summary>
internal sealed record Viewer(Guid UserId, bool IsPlatformAdmin, IReadOnlyList<Guid> MemberOf, IReadOnlyList<Guid> AdminOf);

/// <summary>A cohort as the caller may see it: their role in it, and whether they are its staff.</summary>
internal sealed record CohortAccess(Guid CohortId, Guid OrganizationId, string Title, AdmissionMode Mode, CohortRole? Role, bool IsStaff)
{
    public bool IsMember => Role is not null || IsStaff;
}

/// <summary>
/// Who may see and run a cohort, decided in the query: its members, its staff (trainers, mentors, the owning
/// organisation's admins, the platform admin) and, for cohorts that take applications, the learners of the allowed
/// organisations. Anyone else finds nothing (404); a member without the staff role gets 403 on staff operations.
/// </summary>
internal sealed class CohortGate(CohortsDbContext db, ISender sender, ICurrentUser me)
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

    /// <summary>The cohorts <paramref name="viewer"/> may see: as a member or staff, or as an eligible applicant.</summary>
    public IQueryable<Cohort> Visible(Viewer viewer) =>
        db.Cohorts.Where(c =>
            viewer.IsPlatformAdmin
            || viewer.AdminOf.Contains(c.OrganizationId)
            || c.Organizations.Any(o => viewer.AdminOf.Contains(o.OrganizationId))
            || c.Members.Any(m => m.UserId == viewer.UserId)
            || c.Applications.Any(a => a.ApplicantId == viewer.UserId)
            || (c.AdmissionMode == AdmissionMode.Application
                && (!c.Organizations.Any() || c.Organizations.Any(o => viewer.MemberOf.Contains(o.OrganizationId)))));

    public async Task<CohortAccess> RequireVisibleAsync(Guid cohortId, CancellationToken ct) =>
        await AccessAsync(await ViewerAsync(ct), cohortId, ct) ?? throw ProblemException.NotFound("This cohort");

    /// <summary>For other modules (<see cref="GetCohortAccess"/>): the same rule for any user.</summary>
    public async Task<CohortAccessInfo?> AccessInfoAsync(Guid userId, Guid cohortId, CancellationToken ct)
    {
        var access = await AccessAsync(await ViewerAsync(userId, ct), cohortId, ct);
        return access is null
            ? null
            : await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId)
                .Select(c => new CohortAccessInfo(c.Id, c.CourseId, c.OrganizationId, access.Role, access.IsStaff, c.StartsOn, c.EndsOn, c.TimeZone))
                .FirstAsync(ct);
    }

    private async Task<CohortAccess?> AccessAsync(Viewer viewer, Guid cohortId, CancellationToken ct)
    {
        var access = await Visible(viewer).AsNoTracking()
            .Where(c => c.Id == cohortId)
            .Select(c => new
            {
                c.Id,
                c.OrganizationId,
                c.Title,
                c.AdmissionMode,
                Role = c.Members.Where(m => m.UserId == viewer.UserId).Select(m => (CohortRole?)m.Role).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (access is null)
        {
            return null;
        }

        var isStaff = viewer.IsPlatformAdmin || viewer.AdminOf.Contains(access.OrganizationId) || access.Role is CohortRole.Trainer or CohortRole.Mentor;
        return new CohortAccess(access.Id, access.OrganizationId, access.Title, access.AdmissionMode, access.Role, isStaff);
    }

    public async Task<CohortAccess> RequireMemberAsync(Guid cohortId, CancellationToken ct)
    {
        var access = await RequireVisibleAsync(cohortId, ct);
        return access.IsMember ? access : throw ProblemException.Forbidden("Only the cohort's members see this.");
    }

    public async Task<CohortAccess> RequireStaffAsync(Guid cohortId, CancellationToken ct)
    {
        var access = await RequireVisibleAsync(cohortId, ct);
        return access.IsStaff ? access : throw ProblemException.Forbidden("Only the cohort's trainers, mentors and organisation admins may do this.");
    }
}
