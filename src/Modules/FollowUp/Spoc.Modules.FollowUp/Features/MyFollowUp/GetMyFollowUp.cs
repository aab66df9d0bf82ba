using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.FollowUp.Features.Journal;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.FollowUp.Features.MyFollowUp;

/// <summary>Where a learner stands against their own plan.</summary>
internal enum PlanStatus
{
    /// <summary>Not known yet: their signals have not been computed (just enrolled, or the cohort has not started).</summary>
    Unknown,
    Ahead,
    OnPlan,
    Behind,
}

/// <summary>
/// GET /me/follow-up ("mon suivi"): for each cohort where the caller is a learner, their progress against their own plan,
/// their skills, their next steps and the actions their trainers and mentor planned for them. Never a journal note.
/// A constant number of queries whatever the numbers of cohorts, activities and actions.
/// </summary>
internal static class GetMyFollowUp
{
    public const int NextStepsPerCohort = 3;

    public sealed record Query : IQuery<Response>;

    /// <param name="Done">Activities done; null while unknown.</param>
    /// <param name="Expected">Activities due by now on their own schedule (their pacing applied); null while unknown.</param>
    /// <param name="Total">The course's activities; null while unknown.</param>
    /// <param name="Gap">Done minus expected: ahead by this many activities when positive, behind when negative; null while unknown.</param>
    public sealed record Progress(PlanStatus Status, int? Done, int? Expected, int? Total, int? Gap);

    /// <param name="Title">The competency's title in the course (the code when the course no longer has it).</param>
    /// <param name="Mastery">Their latest mastery in percent from assessed work; null before any evidence.</param>
    /// <param name="AcquiredAt">When the mastery first reached the cohort's threshold; null: not acquired yet.</param>
    public sealed record Skill(string Code, string Title, decimal? Mastery, DateTimeOffset? AcquiredAt);

    /// <param name="DueAt">Their own due date (pacing applied); null: no due date.</param>
    public sealed record NextActivityStep(Guid ActivityId, string Title, ActivityKind Kind, DateTimeOffset ReleaseAt, DateTimeOffset? DueAt);

    /// <param name="DueAt">Their own due date (pacing applied).</param>
    public sealed record NextAssignmentStep(Guid AssignmentId, string Title, DateTimeOffset DueAt);

    /// <summary>An action planned for the learner (never the journal's notes).</summary>
    /// <param name="ExtensionDays">An extension: their due dates moved later by this many days.</param>
    /// <param name="AuthorName">Who planned it: one of their trainers or their mentor.</param>
    public sealed record ActionForMe(
        Guid Id, FollowUpActionKind Kind, string Title, string? Details, DateOnly DueOn, FollowUpActionStatus Status, int? ExtensionDays, string? ResourceUrl, string AuthorName, DateTimeOffset CreatedAt);

    /// <param name="NextActivities">Their first activities not done yet, in course order (at most 3).</param>
    /// <param name="NextAssignments">Their next assignments by due date, from now on (at most 3).</param>
    /// <param name="Actions">Open actions first by due date, then done ones; cancelled ones are left out.</param>
    public sealed record CohortFollowUp(
        Guid CohortId, string Title, Progress Progress, IReadOnlyList<Skill> Skills, IReadOnlyList<NextActivityStep> NextActivities,
        IReadOnlyList<NextAssignmentStep> NextAssignments, IReadOnlyList<ActionForMe> Actions);

    /// <param name="Cohorts">Each cohort where the caller is a learner, by start date; empty for anyone else.</param>
    public sealed record Response(IReadOnlyList<CohortFollowUp> Cohorts);

    internal sealed class Handler(FollowUpDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var cohorts = (await sender.Send(new GetCohortMembershipsOfUser(me.Id), cancellationToken))
                .Where(m => m.Role == CohortRole.Learner).Select(m => (Membership: m, CourseId: m.CourseId ?? Guid.Empty)).ToList();
            if (cohorts.Count == 0)
            {
                return new Response([]);
            }

            var ids = cohorts.Select(c => c.Membership.CohortId).ToList();
            var signals = await db.Signals.AsNoTracking().Where(s => s.LearnerId == me.Id && ids.Contains(s.CohortId))
                .Select(s => new { s.CohortId, s.ActivitiesDone, s.ActivitiesExpected, s.ActivitiesTotal })
                .ToDictionaryAsync(s => s.CohortId, cancellationToken);
            var skills = await db.Skills.AsNoTracking().Where(s => s.LearnerId == me.Id && ids.Contains(s.CohortId)).ToListAsync(cancellationToken);
            var actions = await db.Actions.AsNoTracking()
                .Where(a => a.LearnerId == me.Id && ids.Contains(a.CohortId) && a.Status != FollowUpActionStatus.Cancelled)
                .OrderBy(a => a.Status == FollowUpActionStatus.Open ? 0 : 1).ThenBy(a => a.DueOn).ThenByDescending(a => a.CreatedAt)
                .ToListAsync(cancellationToken);
            var competencies = skills.Count == 0
                ? new Dictionary<Guid, IReadOnlyList<CourseCompetency>>()
                : await sender.Send(new GetCompetenciesOfCourses([.. cohorts.Select(c => c.CourseId).Distinct()]), cancellationToken);
            var nextActivities = await sender.Send(
                new GetNextActivities(me.Id, [.. cohorts.Select(c => new LearnerCohort(c.Membership.CohortId, c.CourseId, c.Membership.StartsOn, c.Membership.TimeZone))], NextStepsPerCohort), cancellationToken);
            var now = clock.GetUtcNow();
            var dueDates = (await sender.Send(new GetDueDatesOfUser(me.Id, [.. cohorts.Select(c => new LearnerCohortZone(c.Membership.CohortId, c.Membership.TimeZone))]), cancellationToken)).Where(d => d.DueAt >= now).OrderBy(d => d.DueAt).ToList();
            var names = await sender.NamesAsync(actions.Select(a => a.AuthorId), cancellationToken);

            return new Response([.. cohorts.Select(x =>
            {
                var c = x.Membership;
                var titles = competencies.GetValueOrDefault(x.CourseId) ?? [];
                return new CohortFollowUp(
                    c.CohortId, c.Title,
                    signals.TryGetValue(c.CohortId, out var s)
                        ? new Progress(s.ActivitiesDone > s.ActivitiesExpected ? PlanStatus.Ahead : s.ActivitiesDone < s.ActivitiesExpected ? PlanStatus.Behind : PlanStatus.OnPlan,
                            s.ActivitiesDone, s.ActivitiesExpected, s.ActivitiesTotal, s.ActivitiesDone - s.ActivitiesExpected)
                        : new Progress(PlanStatus.Unknown, null, null, null, null),
                    [.. skills.Where(k => k.CohortId == c.CohortId).OrderBy(k => k.CompetencyCode).Select(k => new Skill(
                        k.CompetencyCode, titles.FirstOrDefault(t => string.Equals(t.Code, k.CompetencyCode, StringComparison.OrdinalIgnoreCase))?.Title ?? k.CompetencyCode,
                        k.Mastery, k.AcquiredAt))],
                    [.. nextActivities.Where(a => a.CohortId == c.CohortId).Select(a => new NextActivityStep(a.ActivityId, a.Title, a.Kind, a.ReleaseAt, a.DueAt))],
                    [.. dueDates.Where(d => d.CohortId == c.CohortId).Take(NextStepsPerCohort).Select(d => new NextAssignmentStep(d.AssignmentId, d.Title, d.DueAt))],
                    [.. actions.Where(a => a.CohortId == c.CohortId).Select(a => new ActionForMe(
                        a.Id, a.Kind, a.Title, a.Details, a.DueOn, a.Status, a.ExtensionDays, a.ResourceUrl, names.GetValueOrDefault(a.AuthorId, ""), a.CreatedAt))]);
            })]);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/me/follow-up", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new Query(), ct)))
            .WithName("GetMyFollowUp")
            .WithSummary("Mon suivi: my progress against my plan, my skills, my next steps and my trainers' and mentor's actions for me")
            .WithDescription("Any signed-in user; one entry per cohort where they are a learner (none for staff). `progress` compares the activities done with those due by now on their own schedule (`Unknown` until their signals are computed). `skills` are their competencies with their mastery and when each was acquired. `nextActivities` and `nextAssignments` are their next steps at their own dates (extensions applied). `actions` are what their trainers and mentor planned for them (an extension says its days); the follow-up journal's notes are never part of it.")
            .RequireAuthorization(Policies.SignedIn);
}
