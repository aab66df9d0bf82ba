using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.FollowUp.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.FollowUp.Features.Access;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.FollowUp.Features.Dashboard;

/// <summary>
/// GET /cohorts/{cohortId}/follow-up: the cohort's learners by risk (at risk first), each with their signals and the
/// reasons of their level, read from the signals kept up to date as events arrive: a constant number of queries, nothing
/// recomputed. A mentor sees only their own learners; staff may keep one mentor's.
/// </summary>
internal static class GetFollowUpDashboard
{
    /// <param name="Level">Only the learners at this level.</param>
    /// <param name="MentorId">Only this mentor's learners (staff; a mentor always sees only theirs).</param>
    public sealed record Filter([FromQuery(Name = "level")] RiskLevel? Level = null, [FromQuery(Name = "mentorId")] Guid? MentorId = null);

    public sealed record Query(Guid CohortId, Filter Filter, PageRequest Paging) : IQuery<Response>;

    /// <summary>How many learners are at each level, in the caller's scope (the filters aside): the dashboard's header.</summary>
    public sealed record LevelCounts(int OnTrack, int Watch, int AtRisk);

    /// <summary>A rule that fired for the learner: the figure it read and the threshold that figure reached.</summary>
    /// <param name="Rule">The rule (see GET /cohorts/{cohortId}/follow-up/rules).</param>
    /// <param name="Value">The learner's figure: activities behind, deadlines missed, days inactive, mean grade in percent...</param>
    /// <param name="Threshold">The rule's threshold for this level (for <c>GradeBelow</c>, the figure is under it).</param>
    public sealed record Reason(RiskRuleKind Rule, RiskLevel Level, decimal Value, decimal Threshold);

    /// <param name="BehindBy">Activities due by now on their own schedule and not done (negative: ahead of it).</param>
    /// <param name="DaysInactive">Whole days since their last own action in the cohort (or since their follow-up began).</param>
    /// <param name="DaysWithoutContact">Whole days since their last exchange with their follow-up staff (or since their follow-up began).</param>
    public sealed record Signals(
        DateTimeOffset? LastActivityAt, int DaysInactive, int ActivitiesDone, int ActivitiesExpected, int ActivitiesTotal, int BehindBy,
        int MissedDeadlines, int LateSubmissions, decimal? AverageGrade, decimal? GradeTrend, decimal? AttendanceRate, int Absences,
        int ForumPosts, DateTimeOffset? LastContactAt, int DaysWithoutContact);

    /// <param name="Reasons">Why they are at this level: empty when on track.</param>
    /// <param name="LevelChangedAt">When they reached this level; null when always on track.</param>
    public sealed record Row(Guid LearnerId, string DisplayName, Guid? MentorId, RiskLevel Level, IReadOnlyList<Reason> Reasons, DateTimeOffset? LevelChangedAt, Signals Signals);

    public sealed record Response(LevelCounts Counts, IReadOnlyList<Row> Items, int Page, int PageSize, int TotalCount);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(FollowUpDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var access = await sender.FollowUpViewerAsync(query.CohortId, me.Id, cancellationToken);
            // null: every learner; otherwise the mentor whose learners only the caller sees.
            Guid? reach = access.Can(CohortCapability.ActOnAllLearners) ? null : me.Id;
            var counts = await CountsOf(db, query.CohortId, reach).ToListAsync(cancellationToken);
            int Count(RiskLevel l) => counts.FirstOrDefault(c => c.Level == l)?.Count ?? 0;
            var (level, mentor) = (query.Filter.Level, query.Filter.MentorId);
            // Without a mentor filter, the counts by level already hold the total: no second count.
            var total = mentor is not null
                ? await CountOf(db, query.CohortId, reach, level, mentor, cancellationToken)
                : level is { } only ? Count(only) : counts.Sum(c => c.Count);
            var page = await query.Paging.ToPageAsync(total, (skip, take) => PageOf(db, query.CohortId, reach, level, mentor, skip, take), cancellationToken);
            var names = page.Items.Count == 0
                ? new Dictionary<Guid, string>()
                : (await sender.Send(new GetUsers(page.Items.Select(s => s.LearnerId).ToList()), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
            var now = clock.GetUtcNow();
            return new Response(
                new LevelCounts(Count(RiskLevel.OnTrack), Count(RiskLevel.Watch), Count(RiskLevel.AtRisk)),
                [.. page.Items.Select(s => ToRow(s, names.GetValueOrDefault(s.LearnerId, ""), now))],
                page.Page, page.PageSize, page.TotalCount);
        }

        // Compiled once, as every hot read (docs/performance.md): built and looked up in EF's query cache at every request
        // otherwise. The scope is written in each because a compiled query takes no closure.
        private static readonly Func<FollowUpDbContext, Guid, Guid?, IAsyncEnumerable<LevelCount>> CountsOf =
            EF.CompileAsyncQuery((FollowUpDbContext db, Guid cohortId, Guid? reach) =>
                db.Signals.Where(s => s.CohortId == cohortId && s.Active && (reach == null || s.MentorId == reach))
                    .GroupBy(s => s.Level).Select(g => new LevelCount(g.Key, g.Count())));

        private static readonly Func<FollowUpDbContext, Guid, Guid?, RiskLevel?, Guid?, CancellationToken, Task<int>> CountOf =
            EF.CompileAsyncQuery((FollowUpDbContext db, Guid cohortId, Guid? reach, RiskLevel? level, Guid? mentor, CancellationToken ct) =>
                db.Signals.Count(s => s.CohortId == cohortId && s.Active && (reach == null || s.MentorId == reach)
                    && (level == null || s.Level == level) && (mentor == null || s.MentorId == mentor)));

        private static readonly Func<FollowUpDbContext, Guid, Guid?, RiskLevel?, Guid?, int, int, IAsyncEnumerable<LearnerSignals>> PageOf =
            EF.CompileAsyncQuery((FollowUpDbContext db, Guid cohortId, Guid? reach, RiskLevel? level, Guid? mentor, int skip, int take) =>
                db.Signals.AsNoTracking()
                    .Where(s => s.CohortId == cohortId && s.Active && (reach == null || s.MentorId == reach)
                        && (level == null || s.Level == level) && (mentor == null || s.MentorId == mentor))
                    .OrderBy(s => s.Level == RiskLevel.AtRisk ? 0 : s.Level == RiskLevel.Watch ? 1 : 2)
                    .ThenByDescending(s => s.ActivitiesExpected - s.ActivitiesDone)
                    .ThenBy(s => s.LearnerId)
                    .Skip(skip).Take(take));

        private sealed record LevelCount(RiskLevel Level, int Count);

        private static Row ToRow(LearnerSignals s, string name, DateTimeOffset now) => new(
            s.LearnerId, name, s.MentorId, s.Level, [.. s.Reasons.Select(r => new Reason(r.Rule, r.Level, r.Value, r.Threshold))], s.LevelChangedAt,
            new Signals(
                s.LastActivityAt, (int)RiskRules.Figure(RiskRuleKind.DaysInactive, s, now)!, s.ActivitiesDone, s.ActivitiesExpected, s.ActivitiesTotal,
                s.ActivitiesExpected - s.ActivitiesDone, s.MissedDeadlines, s.LateSubmissions, s.AverageGrade, s.GradeTrend, s.AttendanceRate, s.Absences,
                s.ForumPosts, s.LastContactAt, (int)RiskRules.Figure(RiskRuleKind.DaysWithoutContact, s, now)!));
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/follow-up", async (Guid cohortId, [AsParameters] Filter filter, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, filter, paging), ct)))
            .WithName("GetFollowUpDashboard")
            .WithSummary("The cohort's learners by risk level, with their signals and the reasons (trainers, org admins, mentors)")
            .WithDescription("Trainers and org admins (`ActOnAllLearners`) see every current learner, a mentor (`ActOnOwnMentees`) only their own; learners and a partner's admin 403, outsiders 404. At risk first, then to watch, then on track; within a level, the furthest behind first. Each row carries the learner's signals (last activity, completion against their own schedule, missed and late work, mean grade and its trend, attendance, forum posts, last contact with their follow-up staff) and, above on track, the reasons: each rule that fired with the learner's figure and the threshold it reached (rules: GET /cohorts/{cohortId}/follow-up/rules). `counts` gives the number at each level in the caller's scope, before the `level` and `mentorId` filters. Signals are kept up to date as the other modules' events arrive and as deadlines pass: reading them computes nothing. Paged (default 20, max 100).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
