using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Features.Partnerships;

/// <summary>GET /cohorts/{cohortId}/partners: the organisations named on the cohort, with their names and whether they accepted.</summary>
internal static class ListCohortPartners
{
    public sealed record Query(Guid CohortId) : IQuery<IReadOnlyList<Partner>>;

    public sealed record Partner(Guid OrganizationId, string Name, PartnershipStatus Status);

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ISender sender) : IQueryHandler<Query, IReadOnlyList<Partner>>
    {
        public async ValueTask<IReadOnlyList<Partner>> Handle(Query query, CancellationToken cancellationToken)
        {
            await gate.RequireAsync(query.CohortId, CohortCapability.ManageSettings, cancellationToken);
            var partnerships = await db.CohortOrganizations.AsNoTracking().Where(o => o.CohortId == query.CohortId).ToListAsync(cancellationToken);
            var names = partnerships.Count == 0 ? [] : (await sender.Send(new GetOrganizations(partnerships.Select(p => p.OrganizationId).ToList()), cancellationToken))
                .ToDictionary(o => o.Id, o => o.Name);
            return partnerships.Select(p => new Partner(p.OrganizationId, names.GetValueOrDefault(p.OrganizationId, ""), p.Status))
                .OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/partners", async (Guid cohortId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId), ct)))
            .WithName("ListCohortPartners")
            .WithSummary("Organisations named on a cohort and whether they accepted (trainers, org admins)")
            .WithDescription("Requires `ManageSettings` (trainers, owner admins; 403 for other members, 404 for outsiders). Each partner's `status`: `Pending` until one of its admins answers, then `Accepted` or `Declined`; only an accepted partner's admins see the cohort and may enrol their own people.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
