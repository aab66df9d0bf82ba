using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Sessions;

/// <summary>GET /cohorts/{cohortId}/attendance: each learner's attendance rate in the cohort (staff: all; mentor: theirs; learner: their own).</summary>
internal static class GetCohortAttendance
{
    /// <param name="Rate">(Present + Late) / (Present + Late + Absent) in percent; Excused left out; null when nothing counts yet.</param>
    public sealed record Row(Guid UserId, string DisplayName, int Present, int Late, int Absent, int Excused, decimal? Rate);

    public sealed record Query(Guid CohortId, PageRequest Paging) : IQuery<PagedResult<Row>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, PagedResult<Row>>
    {
        public async ValueTask<PagedResult<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var viewer = await sender.SessionViewerAsync(query.CohortId, me.Id, cancellationToken);
            var roster = (await sender.Send(new GetCohortLearners(query.CohortId), cancellationToken))?.LearnerIds ?? [];
            List<Guid> learners = viewer.Follows ? viewer.Followed(roster).ToList()
                : viewer.IsLearner ? [me.Id]
                : throw ProblemException.Forbidden("Attendance rates are for the cohort's staff, mentors and learners.");
            var names = learners.Count == 0 ? [] : (await sender.Send(new GetUsers(learners), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
            var rates = (await db.OfCohortAsync(query.CohortId, learners, cancellationToken)).ToDictionary(r => r.UserId);
            var rows = learners
                .Select(id => rates.GetValueOrDefault(id) is { } r
                    ? new Row(id, names.GetValueOrDefault(id, ""), r.Present, r.Late, r.Absent, r.Excused, r.Rate)
                    : new Row(id, names.GetValueOrDefault(id, ""), 0, 0, 0, 0, null))
                .OrderBy(r => r.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.UserId).ToList();
            var (page, size) = (query.Paging.Page, query.Paging.PageSize);
            return new PagedResult<Row>(rows.Skip((page - 1) * size).Take(size).ToList(), page, size, rows.Count);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/attendance", async (Guid cohortId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, paging), ct)))
            .WithName("GetCohortAttendance")
            .WithSummary("Each learner's attendance rate in the cohort")
            .WithDescription("The cohort's trainers and admins: every learner; a mentor: their own learners; a learner: their own row; a partner's admin 403; outsiders 404. Counts are over the cohort's sessions not cancelled; the rate is (Present + Late) / (Present + Late + Absent) in percent, two decimals: Excused and sessions without a record for the learner are left out, and it is null until something counts (docs/adr/0028). By name, paged.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.ProgressRead)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
