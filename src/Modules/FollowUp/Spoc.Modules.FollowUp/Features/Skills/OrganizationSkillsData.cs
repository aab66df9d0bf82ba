using Mediator;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.FollowUp.Features.Skills;

/// <summary>
/// An organisation's employees (its members) and their skill rows in every cohort the organisation runs or joined: an
/// inter-company cohort's other learners are never read, since only the members' rows are. Employees by name.
/// </summary>
internal sealed record OrganizationSkillsData(IReadOnlyList<UserSummary> Employees, IReadOnlyDictionary<Guid, string> CohortTitles, ILookup<Guid, SkillAcquisition> Rows)
{
    /// <summary>An OrgAdmin of the organisation (or the platform admin); its other members 403, anyone else 404. Four queries whatever the numbers.</summary>
    public static async Task<OrganizationSkillsData> LoadAsync(FollowUpDbContext db, ISender sender, ICurrentUser me, Guid organizationId, CancellationToken ct)
    {
        var role = await sender.Send(new GetOrganizationRole(organizationId, me.Id), ct) ?? throw ProblemException.NotFound("This organisation");
        if (role != OrganizationRole.OrgAdmin)
        {
            throw ProblemException.Forbidden("Only the organisation's admins see its employees' skills.");
        }

        var members = await sender.Send(new GetOrganizationMemberIds(organizationId), ct);
        var rows = await db.Skills.AsNoTracking().Where(s => members.Contains(s.LearnerId))
            .OrderBy(s => s.CohortId).ThenBy(s => s.CompetencyCode).ToListAsync(ct);
        // Only the cohorts the organisation takes part in: an employee who also belongs to another organisation learns there on its behalf.
        var titles = await sender.Send(new GetCohortTitles([.. rows.Select(r => r.CohortId).Distinct()], organizationId), ct);
        rows = [.. rows.Where(r => titles.ContainsKey(r.CohortId))];
        var learners = rows.Select(r => r.LearnerId).Distinct().ToList();
        var employees = learners.Count == 0 ? [] : await sender.Send(new GetUsers(learners), ct);
        return new OrganizationSkillsData(
            [.. employees.OrderBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(u => u.Id)], titles, rows.ToLookup(r => r.LearnerId));
    }

    public string TitleOf(Guid cohortId) => CohortTitles.GetValueOrDefault(cohortId, "");
}
