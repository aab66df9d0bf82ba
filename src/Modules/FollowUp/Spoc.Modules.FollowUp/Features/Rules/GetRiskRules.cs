using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Features.Access;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.FollowUp.Features.Rules;

/// <summary>GET /cohorts/{cohortId}/follow-up/rules: the cohort's risk rules, or the defaults while none were saved.</summary>
internal static class GetRiskRules
{
    public sealed record Query(Guid CohortId) : IQuery<RiskRulesResponse>;

    internal sealed class Handler(FollowUpDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, RiskRulesResponse>
    {
        public async ValueTask<RiskRulesResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            await sender.FollowUpViewerAsync(query.CohortId, me.Id, cancellationToken);
            var rules = await db.RiskRules.AsNoTracking().FirstOrDefaultAsync(r => r.CohortId == query.CohortId, cancellationToken);
            return RiskRulesResponse.From(rules ?? RiskRulesResponse.Defaults(query.CohortId), rules is not null);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/follow-up/rules", async (Guid cohortId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId), ct)))
            .WithName("GetRiskRules")
            .WithSummary("The cohort's risk rules (trainers, org admins; mentors read them)")
            .WithDescription("Every rule kind once, on or off, with the figure from which a learner is to watch (`watchFrom`) and the one from which they are at risk (`atRiskFrom`; null: the rule never gives that level): `BehindSchedule` (activities due on their own schedule and not done), `MissedDeadlines`, `LateSubmissions`, `Absences`, `DaysInactive`, `DaysWithoutContact` (from `from` upwards), `GradeBelow` (a mean released grade under the threshold, in percent). A cohort that never saved rules answers the defaults (`updatedAt` null). Mentors read them (their dashboard says why); learners and a partner's admin 403, outsiders 404. Answers an `ETag` for PUT (`If-Match`).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
