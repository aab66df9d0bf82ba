using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.FollowUp.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.FollowUp.Features.Journal;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.FollowUp.Features.Dashboard;

/// <summary>
/// GET /me/follow-up/attention: the staff home's "à suivre" across the caller's cohorts: the learners at risk or to watch
/// (a trainer's every learner, a mentor's own), with the reasons, and the caller's own open actions due soon. Read from the
/// signals kept up to date as events arrive: a constant number of statements whatever the numbers of cohorts and learners.
/// </summary>
internal static class GetFollowUpAttention
{
    /// <summary>Open actions due within this many days (or overdue) count as due soon.</summary>
    public const int DueSoonDays = 7;

    /// <summary>The home shows this many actions; <c>actionsDueSoon</c> says how many there are.</summary>
    public const int ActionsShown = 10;

    public sealed record Query(PageRequest Paging) : IQuery<Response>;

    /// <param name="BehindBy">Activities due by now on their own schedule and not done (negative: ahead of it).</param>
    /// <param name="Reasons">Why they are at this level: each rule that fired, with their figure and the threshold it reached.</param>
    public sealed record LearnerToFollow(
        Guid CohortId, string CohortTitle, Guid LearnerId, string DisplayName, RiskLevel Level, IReadOnlyList<GetFollowUpDashboard.Reason> Reasons,
        int BehindBy, DateTimeOffset? LastActivityAt, DateTimeOffset? LevelChangedAt);

    /// <summary>An open action the caller planned for a learner, due soon or overdue.</summary>
    public sealed record ActionDueSoon(Guid Id, Guid CohortId, string CohortTitle, Guid LearnerId, string LearnerName, FollowUpActionKind Kind, string Title, DateOnly DueOn);

    /// <param name="Items">The learners at risk, then to watch; within a level, the furthest behind first. Paged.</param>
    /// <param name="Actions">The caller's open actions due within <c>DueSoonDays</c> days or overdue, soonest first (at most 10).</param>
    /// <param name="ActionsDueSoon">How many such actions there are in all.</param>
    public sealed record Response(IReadOnlyList<LearnerToFollow> Items, int Page, int PageSize, int TotalCount, IReadOnlyList<ActionDueSoon> Actions, int ActionsDueSoon);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(FollowUpDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var memberships = await sender.Send(new GetCohortMembershipsOfUser(me.Id), cancellationToken);
            var titles = memberships.ToDictionary(m => m.CohortId, m => m.Title);
            var trained = memberships.Where(m => m.Role == CohortRole.Trainer).Select(m => m.CohortId).ToList();
            var mentored = memberships.Where(m => m.Role == CohortRole.Mentor).Select(m => m.CohortId).ToList();
            if (trained.Count + mentored.Count == 0)
            {
                return new Response([], query.Paging.Page, query.Paging.PageSize, 0, [], 0);
            }

            // A mentor's reach is one condition (the signal keeps each learner's mentor), not a list of learners. The page reads
            // only what the answer shows, not whole signal rows.
            var mentorId = me.Id;
            var total = await CountFollowed(db, trained, mentored, mentorId, cancellationToken);
            var page = await query.Paging.ToPageAsync(total, (skip, take) => PageOfFollowed(db, trained, mentored, mentorId, skip, take), cancellationToken);

            var cohortIds = trained.Concat(mentored).ToList();
            var dueBy = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(DueSoonDays);
            var actionsDueSoon = await CountDueSoon(db, mentorId, dueBy, cohortIds, cancellationToken);
            var actions = actionsDueSoon == 0 ? [] : await FirstDueSoon(db, mentorId, dueBy, cohortIds).ToListAsync(cancellationToken);

            var names = await sender.NamesAsync(page.Items.Select(s => s.LearnerId).Concat(actions.Select(a => a.LearnerId)), cancellationToken);
            return new Response(
                [.. page.Items.Select(s => new LearnerToFollow(
                    s.CohortId, titles.GetValueOrDefault(s.CohortId, ""), s.LearnerId, names.GetValueOrDefault(s.LearnerId, ""), s.Level,
                    [.. s.Reasons.Select(r => new GetFollowUpDashboard.Reason(r.Rule, r.Level, r.Value, r.Threshold))],
                    s.BehindBy, s.LastActivityAt, s.LevelChangedAt))],
                page.Page, page.PageSize, page.TotalCount,
                [.. actions.Select(a => new ActionDueSoon(
                    a.Id, a.CohortId, titles.GetValueOrDefault(a.CohortId, ""), a.LearnerId, names.GetValueOrDefault(a.LearnerId, ""), a.Kind, a.Title, a.DueOn))],
                actionsDueSoon);
        }

        // Compiled once, as every hot read (docs/performance.md): otherwise each is built and looked up in EF's query cache at
        // every request. The filters are written twice because a compiled query takes no closure.
        private static readonly Func<FollowUpDbContext, List<Guid>, List<Guid>, Guid, CancellationToken, Task<int>> CountFollowed =
            EF.CompileAsyncQuery((FollowUpDbContext db, List<Guid> trained, List<Guid> mentored, Guid mentorId, CancellationToken ct) =>
                db.Signals.Count(s => s.Active && s.Level != RiskLevel.OnTrack
                    && (trained.Contains(s.CohortId) || (mentored.Contains(s.CohortId) && s.MentorId == mentorId))));

        private static readonly Func<FollowUpDbContext, List<Guid>, List<Guid>, Guid, int, int, IAsyncEnumerable<Followed>> PageOfFollowed =
            EF.CompileAsyncQuery((FollowUpDbContext db, List<Guid> trained, List<Guid> mentored, Guid mentorId, int skip, int take) =>
                db.Signals.AsNoTracking()
                    .Where(s => s.Active && s.Level != RiskLevel.OnTrack
                        && (trained.Contains(s.CohortId) || (mentored.Contains(s.CohortId) && s.MentorId == mentorId)))
                    .OrderBy(s => s.Level == RiskLevel.AtRisk ? 0 : 1)
                    .ThenByDescending(s => s.ActivitiesExpected - s.ActivitiesDone)
                    .ThenBy(s => s.CohortId).ThenBy(s => s.LearnerId)
                    .Skip(skip).Take(take)
                    .Select(s => new Followed(s.CohortId, s.LearnerId, s.Level, s.Reasons, s.ActivitiesExpected - s.ActivitiesDone, s.LastActivityAt, s.LevelChangedAt)));

        private static readonly Func<FollowUpDbContext, Guid, DateOnly, List<Guid>, CancellationToken, Task<int>> CountDueSoon =
            EF.CompileAsyncQuery((FollowUpDbContext db, Guid authorId, DateOnly dueBy, List<Guid> cohortIds, CancellationToken ct) =>
                db.Actions.Count(a => a.AuthorId == authorId && a.Status == FollowUpActionStatus.Open && a.DueOn <= dueBy && cohortIds.Contains(a.CohortId)));

        private static readonly Func<FollowUpDbContext, Guid, DateOnly, List<Guid>, IAsyncEnumerable<DueSoon>> FirstDueSoon =
            EF.CompileAsyncQuery((FollowUpDbContext db, Guid authorId, DateOnly dueBy, List<Guid> cohortIds) =>
                db.Actions.AsNoTracking()
                    .Where(a => a.AuthorId == authorId && a.Status == FollowUpActionStatus.Open && a.DueOn <= dueBy && cohortIds.Contains(a.CohortId))
                    .OrderBy(a => a.DueOn).ThenBy(a => a.Id).Take(ActionsShown)
                    .Select(a => new DueSoon(a.Id, a.CohortId, a.LearnerId, a.Kind, a.Title, a.DueOn)));

        private sealed record Followed(Guid CohortId, Guid LearnerId, RiskLevel Level, List<RiskReason> Reasons, int BehindBy, DateTimeOffset? LastActivityAt, DateTimeOffset? LevelChangedAt);

        private sealed record DueSoon(Guid Id, Guid CohortId, Guid LearnerId, FollowUpActionKind Kind, string Title, DateOnly DueOn);
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/me/follow-up/attention", async ([AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(paging), ct)))
            .WithName("GetFollowUpAttention")
            .WithSummary("What needs the caller's attention across their cohorts (\"à suivre\": trainers; mentors, their own learners)")
            .WithDescription($"Any signed-in user; it takes no cohort and answers from the caller's own memberships. `items`: in each cohort where they are a trainer, every current learner at risk or to watch; in each cohort where they mentor, their own learners only; at risk first, then the furthest behind their own schedule; each with the reasons of their level (each rule that fired, the learner's figure and the threshold it reached). Paged (default 20, max 100). `actions`: the caller's own open follow-up actions due within {DueSoonDays} days or overdue, soonest first (at most {ActionsShown}; `actionsDueSoon` counts them all). Learners and outsiders get empty lists. Reads the signals kept up to date as events arrive: a constant number of queries.")
            .RequireAuthorization(Policies.SignedIn);
}
