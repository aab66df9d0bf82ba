using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.FollowUp.Features.Skills;

/// <summary>
/// GET /cohorts/{cohortId}/skills: the competency × learner matrix (learners paged in the roster's order), the distribution
/// per competency and the cohort's progress week by week, for staff. A constant number of queries whatever the cohort's size.
/// </summary>
internal static class GetCohortSkills
{
    public sealed record Query(Guid CohortId, PageRequest Paging) : IQuery<CohortSkills>;

    /// <summary>How many current learners stand where on one competency, and how their latest masteries spread.</summary>
    /// <param name="NoEvidence">Learners without any assessed mastery of it yet.</param>
    /// <param name="Below25">Latest mastery under 25 %; then 25 to 50, 50 to 75, and 75 % or more.</param>
    public sealed record CompetencyDistribution(string Code, int Acquired, int InProgress, int NotStarted, int NoEvidence, int Below25, int Below50, int Below75, int From75);

    /// <summary>Where the cohort stood at the end of one week since its start (the last one ends today).</summary>
    /// <param name="WeekEnding">The last day of the week (UTC).</param>
    /// <param name="AcquiredPercent">Competencies acquired by then, in percent of current learners × competencies.</param>
    /// <param name="CompletionPercent">The current learners' mean completion of the course's activities by then, in percent.</param>
    public sealed record ProgressPoint(DateOnly WeekEnding, decimal AcquiredPercent, decimal CompletionPercent);

    public sealed record LearnerRow(Guid LearnerId, string DisplayName, IReadOnlyList<SkillCell> Cells);

    /// <param name="Threshold">The mastery (percent) from which a competency counts as acquired: the cohort's pass mark.</param>
    /// <param name="Competencies">The matrix's columns, in the course's order of codes; each row's cells follow it.</param>
    /// <param name="Learners">One page of the matrix's rows: current learners, in the roster's order.</param>
    public sealed record CohortSkills(
        decimal Threshold, IReadOnlyList<CourseCompetency> Competencies, IReadOnlyList<CompetencyDistribution> Distribution, IReadOnlyList<ProgressPoint> Progress,
        PagedResult<LearnerRow> Learners);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(FollowUpDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : IQueryHandler<Query, CohortSkills>
    {
        public async ValueTask<CohortSkills> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var data = await CohortSkillsData.LoadAsync(db, sender, me, query.CohortId, now, cancellationToken);
            var codes = data.Competencies.Select(c => c.Code).ToList();
            var learners = data.Roster.LearnerIds;

            var page = await sender.Send(new GetCohortLearnerPage(query.CohortId, null, query.Paging.Page, query.Paging.PageSize), cancellationToken);
            var names = page.Items.Count == 0
                ? new Dictionary<Guid, string>()
                : (await sender.Send(new GetUsers(page.Items), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
            var rows = page.Items.Select(id => new LearnerRow(id, names.GetValueOrDefault(id, ""), [.. codes.Select(code => data.Cell(id, code))])).ToList();

            var distribution = codes.Select(code =>
            {
                var cells = learners.Select(id => data.Cell(id, code)).ToList();
                int Count(Func<SkillCell, bool> p) => cells.Count(p);
                return new CompetencyDistribution(code,
                    Count(c => c.Status == SkillStatus.Acquired), Count(c => c.Status == SkillStatus.InProgress), Count(c => c.Status == SkillStatus.NotStarted),
                    Count(c => c.Mastery is null), Count(c => c.Mastery < 25), Count(c => c.Mastery is >= 25 and < 50), Count(c => c.Mastery is >= 50 and < 75), Count(c => c.Mastery >= 75));
            }).ToList();

            var course = await sender.Send(new GetCompetencyCompletions(query.CohortId, data.Access.CourseId), cancellationToken);
            return new CohortSkills(data.Threshold, data.Competencies, distribution,
                Progress(data, course, now), new PagedResult<LearnerRow>(rows, page.Page, page.PageSize, page.TotalCount));
        }

        /// <summary>Week by week from the cohort's start to today (or its end), at most two years of weeks.</summary>
        private static List<ProgressPoint> Progress(CohortSkillsData data, CompetencyCompletions course, DateTimeOffset now)
        {
            var learners = data.Roster.LearnerIds.ToHashSet();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var last = today < data.Access.EndsOn ? today : data.Access.EndsOn;
            if (learners.Count == 0 || last < data.Access.StartsOn)
            {
                return [];
            }

            var acquired = data.Rows.SelectMany(g => g).Where(r => r.AcquiredAt is not null && data.Competencies.Any(c => string.Equals(c.Code, r.CompetencyCode, StringComparison.OrdinalIgnoreCase)))
                .Select(r => r.AcquiredAt!.Value).ToList();
            var completed = course.Completions.Where(c => learners.Contains(c.UserId)).Select(c => c.CompletedAt).ToList();
            var skills = learners.Count * data.Competencies.Count;
            var activities = learners.Count * course.Activities.Count;
            decimal Share(int count, int total) => total == 0 ? 0 : Math.Round(100m * count / total, 1);

            var points = new List<ProgressPoint>();
            for (var end = data.Access.StartsOn.AddDays(6); points.Count < 104; end = end.AddDays(7))
            {
                var weekEnding = end < last ? end : last;
                var until = new DateTimeOffset(weekEnding.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                points.Add(new ProgressPoint(weekEnding, Share(acquired.Count(a => a < until), skills), Share(completed.Count(c => c < until), activities)));
                if (weekEnding == last)
                {
                    break;
                }
            }

            return points;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/skills", async (Guid cohortId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, paging), ct)))
            .WithName("GetCohortSkills")
            .WithSummary("The cohort's competency × learner matrix, the distribution per competency and the progress over time (trainers, org admins)")
            .WithDescription("Requires `ActOnAllLearners` (mentors, learners and a partner's admin 403; outsiders 404). `competencies` are the matrix's columns; `learners` one page of its rows (current learners in the roster's order, paged: default 20, max 100), each cell with the learner's latest mastery, activities done on the competency and its status (`Acquired` once the mastery reached `threshold`, the cohort's pass mark; `InProgress`; `NotStarted`). `distribution` counts every current learner per competency by status and by latest mastery (none, under 25, 25 to 50, 50 to 75, 75 % and more). `progress` gives, for each week since the start (the last one ending today), the share of competencies acquired by then and the mean completion of the course's activities. The whole matrix: GET /cohorts/{cohortId}/skills/export.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
