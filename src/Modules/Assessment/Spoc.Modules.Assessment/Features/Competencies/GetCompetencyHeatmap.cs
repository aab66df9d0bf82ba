using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Assessment.Features.Competencies;

/// <summary>One learner's row of the heat map.</summary>
/// <param name="Latest">Competency code → the learner's latest mastery, in percent; a code is absent without evidence.</param>
internal sealed record HeatmapRowResponse(Guid UserId, string DisplayName, IReadOnlyDictionary<string, decimal> Latest);

/// <summary>A page of the cohort's competency × learner heat map.</summary>
/// <param name="Competencies">The columns: the course's competencies, by code.</param>
/// <param name="Items">The rows: one page of learners, in the roster's order.</param>
/// <param name="TotalCount">Learners in the whole map, across all pages.</param>
internal sealed record CompetencyHeatmapResponse(IReadOnlyList<CourseCompetency> Competencies, IReadOnlyList<HeatmapRowResponse> Items, int Page, int PageSize, int TotalCount);

/// <summary>
/// GET /cohorts/{cohortId}/competencies/heatmap: each learner's latest mastery of each competency, for trainers and org admins
/// (every learner) and mentors (their own). A constant number of SQL statements whatever the cohort's size.
/// </summary>
internal static class GetCompetencyHeatmap
{
    public sealed record Query(Guid CohortId, PageRequest Paging) : IQuery<CompetencyHeatmapResponse>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, CompetencyHeatmapResponse>
    {
        public async ValueTask<CompetencyHeatmapResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            var access = await sender.RequireInsideAsync(query.CohortId, me.Id, cancellationToken);
            Guid? mentor = access.Can(CohortCapability.ActOnAllLearners) ? null
                : access.Can(CohortCapability.ActOnOwnMentees) ? me.Id
                : throw ProblemException.Forbidden("Only the cohort's trainers, org admins and mentors see the competency heat map.");

            var learners = await sender.Send(new GetCohortLearnerPage(query.CohortId, mentor, query.Paging.Page, query.Paging.PageSize), cancellationToken);
            var competencies = await sender.Send(new GetCourseCompetencies(access.CourseId), cancellationToken);
            if (learners.Items.Count == 0)
            {
                return new CompetencyHeatmapResponse(competencies, [], learners.Page, learners.PageSize, learners.TotalCount);
            }

            var names = (await sender.Send(new GetUsers(learners.Items), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
            var evidence = await db.LatestEvidenceAsync(query.CohortId, learners.Items, cancellationToken);
            var rows = learners.Items.Select(id => new HeatmapRowResponse(
                id, names.GetValueOrDefault(id, ""),
                CompetencyMastery.Series(evidence[id]).ToDictionary(s => competencies.FirstOrDefault(c => string.Equals(c.Code, s.Key, StringComparison.OrdinalIgnoreCase))?.Code ?? s.Key, s => s.Value[^1].Percent)));
            return new CompetencyHeatmapResponse(competencies, rows.ToList(), learners.Page, learners.PageSize, learners.TotalCount);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/competencies/heatmap", async (Guid cohortId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, paging), ct)))
            .WithName("GetCompetencyHeatmap")
            .WithSummary("The cohort's competency × learner heat map of latest mastery (trainers, org admins; a mentor: their own learners)")
            .WithDescription("Requires `ActOnAllLearners` (every learner) or `ActOnOwnMentees` (a mentor's own learners); learners and a partner's admin 403, outsiders 404. Columns are the course's competencies; rows a page of learners (roster order), each with `latest`: competency code → the latest mastery in percent, as `GET /cohorts/{cohortId}/members/{userId}/competencies` computes it from released grades (absent: no evidence yet). Paged over learners.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
