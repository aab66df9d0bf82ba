using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Domain;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Features.Cohorts;

/// <summary>GET /cohorts: the caller's cohorts and those open to their applications, soonest first.</summary>
internal static class ListCohorts
{
    public sealed record Query(bool? OpenForApplication, bool? Mine, PageRequest Paging) : IQuery<PagedResult<CohortResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(CohortGate gate, TimeProvider clock) : IQueryHandler<Query, PagedResult<CohortResponse>>
    {
        public async ValueTask<PagedResult<CohortResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var viewer = await gate.ViewerAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var cohorts = gate.Visible(viewer).AsNoTracking();
            if (query.Mine == true)
            {
                cohorts = cohorts.Where(c => c.Members.Any(m => m.UserId == viewer.UserId) || viewer.AdminOf.Contains(c.OrganizationId));
            }

            if (query.OpenForApplication == true)
            {
                cohorts = cohorts.Where(c => c.AdmissionMode == AdmissionMode.Application && !c.OrganizationSuspended && c.ApplicationsOpenAt <= now && c.ApplicationsCloseAt > now);
            }

            var page = await cohorts
                .OrderBy(c => c.StartsOn).ThenBy(c => c.Id)
                .Select(CohortResponse.Projection(viewer.UserId))
                .ToPageAsync(query.Paging, cancellationToken);
            return page with { Items = page.Items.Select(c => c.For(viewer)).ToList() };
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts", async (bool? openForApplication, bool? mine, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(openForApplication, mine, paging), ct)))
            .WithName("ListCohorts")
            .WithSummary("Cohorts the caller belongs to or may apply to")
            .WithDescription("`openForApplication=true` keeps the cohorts whose application window is open now; `mine=true` the cohorts the caller belongs to or runs (as a member, or an admin of the owning organisation).")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.CohortsRead);
}
