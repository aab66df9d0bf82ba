using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Features.Partnerships;

/// <summary>
/// GET /organizations/{organizationId}/partnerships: the cohorts of other organisations that named this one as a
/// partner, for its admins to accept or decline (<c>status=Pending</c>: those waiting for an answer). Soonest first.
/// </summary>
internal static class ListPartnerships
{
    public sealed record Query(Guid OrganizationId, PartnershipStatus? Status, PageRequest Paging) : IQuery<PagedResult<Item>>;

    public sealed record Item(Guid CohortId, string CohortTitle, Guid OwnerOrganizationId, string OwnerOrganizationName, DateOnly StartsOn, DateOnly EndsOn, AdmissionMode AdmissionMode, PartnershipStatus Status);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).IsInEnum();
            RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
        }
    }

    internal sealed class Handler(CohortsDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, PagedResult<Item>>
    {
        public async ValueTask<PagedResult<Item>> Handle(Query query, CancellationToken cancellationToken)
        {
            var role = await sender.Send(new GetOrganizationRole(query.OrganizationId, me.Id), cancellationToken) ?? throw ProblemException.NotFound("This organisation");
            if (role != OrganizationRole.OrgAdmin)
            {
                throw ProblemException.Forbidden("Only the organisation's admins answer partnerships.");
            }

            var page = await db.CohortOrganizations
                .Where(o => o.OrganizationId == query.OrganizationId && (query.Status == null || o.Status == query.Status))
                .Join(db.Cohorts, o => o.CohortId, c => c.Id, (o, c) => new { c, o.Status })
                .Where(x => x.c.OrganizationId != query.OrganizationId)
                .OrderBy(x => x.c.StartsOn).ThenBy(x => x.c.Id)
                .Select(x => new { x.c.Id, x.c.Title, x.c.OrganizationId, x.c.StartsOn, x.c.EndsOn, x.c.AdmissionMode, x.Status })
                .ToPageAsync(query.Paging, cancellationToken);
            var owners = page.Items.Count == 0 ? [] : (await sender.Send(new GetOrganizations(page.Items.Select(i => i.OrganizationId).Distinct().ToList()), cancellationToken))
                .ToDictionary(o => o.Id, o => o.Name);
            return new PagedResult<Item>(
                page.Items.Select(i => new Item(i.Id, i.Title, i.OrganizationId, owners.GetValueOrDefault(i.OrganizationId, ""), i.StartsOn, i.EndsOn, i.AdmissionMode, i.Status)).ToList(),
                page.Page, page.PageSize, page.TotalCount);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/organizations/{organizationId:guid}/partnerships", async (Guid organizationId, PartnershipStatus? status, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(organizationId, status, paging), ct)))
            .WithName("ListCohortPartnerships")
            .WithSummary("Cohorts of other organisations that named this one as a partner (org admin)")
            .WithDescription("`status=Pending` lists those waiting for the organisation's answer.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
