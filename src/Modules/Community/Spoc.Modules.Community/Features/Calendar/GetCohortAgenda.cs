using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Calendar;

/// <summary>GET /cohorts/{cohortId}/agenda: one cohort's calendar (month, week, list) as its reader sees it. A constant number of queries.</summary>
internal static class GetCohortAgenda
{
    /// <param name="CohortId">The cohort.</param>
    /// <param name="From">Start of the range (inclusive).</param>
    /// <param name="To">End of the range (exclusive), at most 100 days after <c>from</c>.</param>
    public sealed record Query(Guid CohortId, DateTimeOffset? From, DateTimeOffset? To) : IQuery<AgendaResponse>, IAgendaRange;

    internal sealed class Validator : AgendaRangeValidator<Query>;

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, AgendaResponse>
    {
        public async ValueTask<AgendaResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            var (from, to) = (query.From!.Value, query.To!.Value);
            var (cohort, isLearner) = await sender.CohortAsync(query.CohortId, me.Id, cancellationToken);
            var sessions = await db.SessionsAsync([cohort], from, to, cancellationToken);
            IEnumerable<AssignmentDueDate> dueDates = isLearner
                ? await sender.Send(new GetDueDatesOfUser(me.Id, [new LearnerCohortZone(cohort.CohortId, cohort.TimeZone)], (from, to)), cancellationToken)
                : cohort.SeesEveryGroup ? await sender.Send(new GetDueDatesOfCohort(query.CohortId), cancellationToken) : [];
            return AgendaResponse.Of(from, to, [cohort], sessions, dueDates);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/agenda", async (Guid cohortId, DateTimeOffset? from, DateTimeOffset? to, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, from, to), ct)))
            .WithName("GetCohortAgenda")
            .WithSummary("A cohort's sessions and due dates between two instants, sorted, as the caller may see them")
            .WithDescription("Members and staff of the cohort. Staff (trainers, mentors, its organisation's admins) see every session and each published assignment at the cohort's due date; a learner sees the cohort's sessions and their own group's, and the released assignments at their own due date (pacing shift applied). Sessions overlapping `[from, to)`, cancelled ones flagged; due dates within it. `from` and `to` are required, in order, at most 100 days apart (400 otherwise). Outsiders 404; a partner's admin or an applicant 403.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
