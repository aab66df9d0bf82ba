using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Courses.Contracts;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Calendar;

/// <summary>GET /me/agenda: the caller's sessions and own due dates in a range, across their cohorts ("Mon agenda"). A constant number of queries.</summary>
internal static class GetMyAgenda
{
    /// <param name="From">Start of the range (inclusive).</param>
    /// <param name="To">End of the range (exclusive), at most 100 days after <c>from</c>.</param>
    public sealed record Query(DateTimeOffset? From, DateTimeOffset? To) : IQuery<AgendaResponse>, IAgendaRange;

    internal sealed class Validator : AgendaRangeValidator<Query>;

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, AgendaResponse>
    {
        public async ValueTask<AgendaResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            var (from, to) = (query.From!.Value, query.To!.Value);
            var cohorts = await sender.CohortsOfAsync(me.Id, cancellationToken);
            var sessions = await db.SessionsAsync(cohorts, from, to, cancellationToken);
            var dueDates = await sender.Send(new GetDueDatesOfUser(me.Id, cohorts.LearnerZones(), (from, to)), cancellationToken);
            return AgendaResponse.Of(from, to, cohorts, sessions, dueDates, await PreparationDoneAsync(cohorts, sessions, cancellationToken));
        }

        /// <summary>For the sessions of cohorts the caller learns in: whether they did every preparation. One statement at most, whatever the number of sessions.</summary>
        private async Task<IReadOnlyDictionary<Guid, bool>> PreparationDoneAsync(IReadOnlyCollection<CalendarCohort> cohorts, IReadOnlyList<CalendarSession> sessions, CancellationToken ct)
        {
            var learning = cohorts.Where(c => !c.SeesEveryGroup).Select(c => c.CohortId).ToHashSet();
            var prepared = sessions.Where(s => learning.Contains(s.CohortId) && s.Preparations.Count > 0).ToList();
            if (prepared.Count == 0)
            {
                return new Dictionary<Guid, bool>();
            }

            var done = (await sender.Send(new GetCompletionsOfUser(me.Id, learning, prepared.SelectMany(s => s.Preparations).Distinct().ToList()), ct)).ToHashSet();
            return prepared.ToDictionary(s => s.Id, s => s.Preparations.All(a => done.Contains(new CohortActivity(s.CohortId, a))));
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/me/agenda", async (DateTimeOffset? from, DateTimeOffset? to, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(from, to), ct)))
            .WithName("GetMyAgenda")
            .WithSummary("The caller's sessions and own due dates between two instants, sorted (\"Mon agenda\")")
            .WithDescription("Any signed-in user. The sessions overlapping `[from, to)` in every cohort they belong to (a project group's sessions for its members and the cohort's staff; cancelled ones flagged), and, where they learn, each released assignment due in the range at their own due date (pacing shift applied). For a session with preparations in a cohort where they learn, `preparationDone` tells whether they completed every one (prepare first). Merged and sorted by start; each with its cohort's time zone. `from` and `to` are required, in order, at most 100 days apart (400 otherwise).")
            .RequireAuthorization(Policies.SignedIn);
}
