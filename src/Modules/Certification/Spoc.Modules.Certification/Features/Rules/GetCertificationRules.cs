using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Features.Certificates;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Certification.Features.Rules;

/// <summary>GET /cohorts/{cohortId}/certification/rules: the cohort's rules for staff, or the empty rules when none were saved.</summary>
internal static class GetCertificationRules
{
    public sealed record Query(Guid CohortId) : IQuery<CertificationRulesResponse>;

    internal sealed class Handler(CertificationDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, CertificationRulesResponse>
    {
        public async ValueTask<CertificationRulesResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            await sender.CertificationStaffAsync(query.CohortId, me.Id, cancellationToken);
            var rules = await db.Rules.AsNoTracking().FirstOrDefaultAsync(r => r.CohortId == query.CohortId, cancellationToken);
            return CertificationRulesResponse.From(rules ?? CertificationRulesResponse.None(query.CohortId), rules is not null);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/certification/rules", async (Guid cohortId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId), ct)))
            .WithName("GetCertificationRules")
            .WithSummary("The cohort's certification rules (trainers, org admins)")
            .WithDescription("Requires `ActOnAllLearners` (mentors, learners and a partner's admin 403; outsiders 404). Each criterion is optional: `minFinalGrade` (percent, the gradebook's grade), `minCompletionPercent`, `minAttendancePercent`, `requiredAssignmentIds` (passed: a released grade reaching the gradebook's pass mark), `requiredCompetencyCodes` (mastered: latest mastery reaching the pass mark). A cohort without rules answers the empty rules (nothing required, `updatedAt` null). Answers an `ETag` for `PUT` (`If-Match`).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
