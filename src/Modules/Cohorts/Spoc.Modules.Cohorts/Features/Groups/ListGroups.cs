using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Cohorts.Data;
using Spoc.Modules.Cohorts.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Cohorts.Features.Groups;

/// <summary>GET /cohorts/{cohortId}/groups: the cohort's project groups and who is in each, for all its members.</summary>
internal static class ListGroups
{
    public sealed record Query(Guid CohortId) : IQuery<IReadOnlyList<GroupResponse>>;

    internal sealed class Handler(CohortsDbContext db, CohortGate gate, ISender sender) : IQueryHandler<Query, IReadOnlyList<GroupResponse>>
    {
        public async ValueTask<IReadOnlyList<GroupResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            await gate.RequireAsync(query.CohortId, CohortCapability.ViewInside, cancellationToken);
            return await GroupRoster.LoadAsync(db, sender, query.CohortId, null, cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/groups", async (Guid cohortId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId), ct)))
            .WithName("ListGroups")
            .WithSummary("Project groups of a cohort with their members (members)")
            .WithDescription("Requires `ViewInside` (the cohort's trainers, mentors, learners and owner admins; 403 for a partner's admin, 404 for outsiders). Each group with its learners' names.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.CohortsRead)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
