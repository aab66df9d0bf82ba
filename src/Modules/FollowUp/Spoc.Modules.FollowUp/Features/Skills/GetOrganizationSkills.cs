using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.FollowUp.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.FollowUp.Features.Skills;

/// <summary>
/// GET /organizations/{organizationId}/skills: the organisation's HR view of its own employees' skills across every cohort
/// they learn in (its own and other organisations' inter-company ones), never anyone else's. A constant number of queries.
/// </summary>
internal static class GetOrganizationSkills
{
    public sealed record Query(Guid OrganizationId, PageRequest Paging) : IQuery<OrganizationSkills>;

    /// <summary>One cohort where employees learn, over all of them.</summary>
    /// <param name="Acquired">Competencies acquired by the employees there, out of <c>Skills</c> (employees × competencies).</param>
    public sealed record OrganizationCohort(Guid CohortId, string Title, int Employees, int Acquired, int Skills);

    public sealed record EmployeeCohort(Guid CohortId, string Title, IReadOnlyList<SkillCell> Skills);

    public sealed record EmployeeSkills(Guid LearnerId, string DisplayName, string Email, IReadOnlyList<EmployeeCohort> Cohorts);

    /// <param name="Cohorts">Every cohort where employees learn, by title, with their totals there.</param>
    /// <param name="Employees">One page of the employees with skills, by name.</param>
    public sealed record OrganizationSkills(IReadOnlyList<OrganizationCohort> Cohorts, PagedResult<EmployeeSkills> Employees);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(FollowUpDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, OrganizationSkills>
    {
        public async ValueTask<OrganizationSkills> Handle(Query query, CancellationToken cancellationToken)
        {
            var data = await OrganizationSkillsData.LoadAsync(db, sender, me, query.OrganizationId, cancellationToken);
            var cohorts = data.Rows.SelectMany(g => g).GroupBy(r => r.CohortId)
                .Select(g => new OrganizationCohort(g.Key, data.TitleOf(g.Key), g.Select(r => r.LearnerId).Distinct().Count(), g.Count(r => r.AcquiredAt is not null), g.Count()))
                .OrderBy(c => c.Title, StringComparer.CurrentCultureIgnoreCase).ThenBy(c => c.CohortId).ToList();
            var (page, size) = (query.Paging.Page, query.Paging.PageSize);
            var employees = data.Employees.Skip((page - 1) * size).Take(size)
                .Select(u => new EmployeeSkills(u.Id, u.DisplayName, u.Email, [.. data.Rows[u.Id].GroupBy(r => r.CohortId)
                    .Select(g => new EmployeeCohort(g.Key, data.TitleOf(g.Key), [.. g.Select(r => SkillCell.Of(r.CompetencyCode, r))]))
                    .OrderBy(c => c.Title, StringComparer.CurrentCultureIgnoreCase)]))
                .ToList();
            return new OrganizationSkills(cohorts, new PagedResult<EmployeeSkills>(employees, page, size, data.Employees.Count));
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/organizations/{organizationId:guid}/skills", async (Guid organizationId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(organizationId, paging), ct)))
            .WithName("GetOrganizationSkills")
            .WithSummary("The organisation's employees' skills across every cohort they learn in (its org admins)")
            .WithDescription("An `OrgAdmin` of the organisation (or the platform admin); its other members 403, anyone else 404. Its employees are its members: each one who learns (or learnt) in a cohort, whether the organisation runs it or takes part in another's inter-company cohort, with their competencies there (mastery, activities done, status, date acquired). Another organisation's learners in the same cohort never appear. `cohorts` totals each cohort over every employee; `employees` is paged by name (default 20, max 100). The file for HR: GET /organizations/{organizationId}/skills/export.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
