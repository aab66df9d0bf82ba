using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Contracts;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Courses.Contracts;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Assessment.Features.Home;

/// <summary>One released assignment of a cohort where the caller learns, with where the caller stands on it.</summary>
/// <param name="CohortTitle">The cohort's title, to tell cohorts apart on the home page.</param>
/// <param name="YourDueAt">The caller's own due date: the cohort's, moved by their pacing shift.</param>
/// <param name="IsPastDue">Whether <c>yourDueAt</c> has passed.</param>
/// <param name="Attempts">Attempts handed in so far (0: not handed in).</param>
/// <param name="LastSubmissionId">The latest attempt, to open it (GET /submissions/{id}); null before the first.</param>
/// <param name="LastSubmittedAt">When the latest attempt was handed in.</param>
/// <param name="LastIsLate">Whether the latest attempt was late against the caller's own due date.</param>
/// <param name="GradeStatus">The latest attempt's grade as its author may see it: Released or ReturnedForRevision; null while ungraded or a draft.</param>
/// <param name="IsToDo">Still to hand in: no attempt yet, or the latest one returned for revision.</param>
internal sealed record MyAssignmentResponse(
    Guid AssignmentId, Guid CohortId, string CohortTitle, string Title, AssignmentKind Kind, decimal MaxPoints, string Category, DateTimeOffset YourDueAt,
    bool IsPastDue, int Attempts, Guid? LastSubmissionId, DateTimeOffset? LastSubmittedAt, bool? LastIsLate, GradeStatus? GradeStatus, bool IsToDo);

/// <summary>
/// GET /me/assignments: the learner's "à rendre" across every cohort where they learn, or one cohort's assignments with the
/// learner's state. A constant number of statements whatever the number of cohorts, assignments and attempts.
/// </summary>
internal static class ListMyAssignments
{
    /// <param name="CohortId">Only this cohort's assignments.</param>
    /// <param name="ToDoOnly">Only what is still to hand in (no attempt yet, or returned for revision).</param>
    public sealed record Query(Guid? CohortId, bool ToDoOnly, PageRequest Paging) : IQuery<PagedResult<MyAssignmentResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : IQueryHandler<Query, PagedResult<MyAssignmentResponse>>
    {
        public async ValueTask<PagedResult<MyAssignmentResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var cohorts = (await sender.Send(new GetCohortMembershipsOfUser(me.Id), cancellationToken))
                .Where(m => m.Role == CohortRole.Learner && (query.CohortId is null || m.CohortId == query.CohortId))
                .ToDictionary(m => m.CohortId);
            var cohortIds = cohorts.Keys.ToList();
            var now = clock.GetUtcNow();
            var userId = me.Id;

            // The latest attempt of each assignment, and its grade when its author may see it, computed in the same statement.
            var rows = db.Assignments.AsNoTracking()
                .Where(a => cohortIds.Contains(a.CohortId) && a.IsPublished && a.ReleaseAt <= now)
                .Select(a => new
                {
                    a,
                    Attempts = db.Submissions.Count(s => s.AssignmentId == a.Id && s.AuthorId == userId),
                    Last = db.Submissions.Where(s => s.AssignmentId == a.Id && s.AuthorId == userId).OrderByDescending(s => s.Attempt)
                        .Select(s => new { s.Id, s.SubmittedAt, s.DaysLate }).FirstOrDefault(),
                })
                .Select(x => new
                {
                    x.a, x.Attempts, x.Last,
                    Status = db.Grades.Where(g => x.Last != null && g.SubmissionId == x.Last.Id && g.Status != GradeStatus.Draft).Select(g => (GradeStatus?)g.Status).FirstOrDefault(),
                });
            if (query.ToDoOnly)
            {
                rows = rows.Where(x => x.Attempts == 0 || x.Status == GradeStatus.ReturnedForRevision);
            }

            var page = await rows.OrderBy(x => x.a.DueAt).ThenBy(x => x.a.Id)
                .Select(x => new Row(x.a.Id, x.a.CohortId, x.a.Title, x.a.Kind, x.a.MaxPoints, x.a.Category, x.a.DueAt, x.Attempts,
                    x.Last == null ? null : x.Last.Id, x.Last == null ? null : x.Last.SubmittedAt, x.Last == null ? null : x.Last.DaysLate, x.Status))
                .ToPageAsync(query.Paging, cancellationToken);
            var shifts = page.Items.Count == 0
                ? new Dictionary<Guid, int>()
                : await sender.Send(new GetDueDateShiftsOfUser(userId, page.Items.Select(r => r.CohortId).Distinct().ToList()), cancellationToken);
            return new PagedResult<MyAssignmentResponse>(page.Items.Select(r =>
            {
                var cohort = cohorts[r.CohortId];
                var yourDueAt = CohortAssessment.PersonalDueAt(r.DueAt, shifts.GetValueOrDefault(r.CohortId), cohort.TimeZone);
                return new MyAssignmentResponse(r.Id, r.CohortId, cohort.Title, r.Title, r.Kind, r.MaxPoints, r.Category, yourDueAt, yourDueAt <= now,
                    r.Attempts, r.LastId, r.LastAt, r.LastDaysLate > 0, r.Status, r.Attempts == 0 || r.Status == GradeStatus.ReturnedForRevision);
            }).ToList(), page.Page, page.PageSize, page.TotalCount);
        }
    }

    private sealed record Row(
        Guid Id, Guid CohortId, string Title, AssignmentKind Kind, decimal MaxPoints, string Category, DateTimeOffset DueAt, int Attempts,
        Guid? LastId, DateTimeOffset? LastAt, int? LastDaysLate, GradeStatus? Status);

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/me/assignments", async (Guid? cohortId, bool? toDoOnly, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, toDoOnly ?? false, paging), ct)))
            .WithName("ListMyAssignments")
            .WithSummary("The caller's assignments as a learner, with their own due date and where they stand (\"à rendre\")")
            .WithDescription("Any signed-in user: the released assignments of every cohort where they are a learner (or of `cohortId` only), by due date and paged, each with `yourDueAt` (after their pacing shift), their attempts, their latest attempt and its grade status once no longer a draft. `toDoOnly=true` keeps what is still to hand in: no attempt yet, or the latest returned for revision. A group project's hand-in counts as each member's attempt. Staff and outsiders get an empty list.")
            .RequireAuthorization(Policies.SignedIn);
}
