using System.Linq.Expressions;
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
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Assessment.Features.Home;

/// <summary>A learner's latest attempt that waits for the caller's grading.</summary>
/// <param name="AuthorName">The learner's display name.</param>
/// <param name="Attempt">The attempt's number (1, 2...).</param>
/// <param name="IsLate">Handed in after the learner's own due date.</param>
/// <param name="GradeStatus">Draft when a grade was started and not released; null when nobody graded it yet.</param>
internal sealed record SubmissionToGradeResponse(
    Guid SubmissionId, Guid AssignmentId, string AssignmentTitle, AssignmentKind Kind, Guid CohortId, string CohortTitle, Guid AuthorId, string AuthorName,
    int Attempt, DateTimeOffset SubmittedAt, bool IsLate, GradeStatus? GradeStatus);

/// <summary>
/// GET /me/to-grade: the staff's "à corriger" across their cohorts: every learner's latest attempt at a text or file assignment
/// not yet released or returned (quizzes grade themselves). A cohort's trainers see all of them, a mentor their own learners'.
/// A constant number of statements whatever the number of cohorts and submissions.
/// </summary>
internal static class ListToGrade
{
    public sealed record Query(PageRequest Paging) : IQuery<PagedResult<SubmissionToGradeResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, PagedResult<SubmissionToGradeResponse>>
    {
        public async ValueTask<PagedResult<SubmissionToGradeResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var memberships = await sender.Send(new GetCohortMembershipsOfUser(me.Id), cancellationToken);
            var titles = memberships.ToDictionary(m => m.CohortId, m => m.Title);
            var trained = memberships.Where(m => m.Role == CohortRole.Trainer).Select(m => m.CohortId).ToList();
            var mentored = memberships.Any(m => m.Role == CohortRole.Mentor) ? await sender.Send(new GetMenteesOf(me.Id), cancellationToken) : [];

            var candidates = db.Submissions.AsNoTracking()
                .Where(Reachable(trained, mentored))
                .Where(s => !db.Submissions.Any(o => o.AssignmentId == s.AssignmentId && o.AuthorId == s.AuthorId && o.Attempt > s.Attempt))
                .Where(s => !db.Grades.Any(g => g.SubmissionId == s.Id && g.Status != GradeStatus.Draft))
                .Join(db.Assignments.Where(a => a.Kind != AssignmentKind.Quiz), s => s.AssignmentId, a => a.Id, (s, a) => new { s, a });
            var page = await candidates
                .OrderBy(x => x.s.SubmittedAt).ThenBy(x => x.s.Id)
                .Select(x => new Row(x.s.Id, x.a.Id, x.a.Title, x.a.Kind, x.s.CohortId, x.s.AuthorId, x.s.Attempt, x.s.SubmittedAt, x.s.DaysLate,
                    db.Grades.Where(g => g.SubmissionId == x.s.Id).Select(g => (GradeStatus?)g.Status).FirstOrDefault()))
                .ToPageAsync(query.Paging, cancellationToken);
            var names = page.Items.Count == 0
                ? new Dictionary<Guid, string>()
                : (await sender.Send(new GetUsers(page.Items.Select(r => r.AuthorId).Distinct().ToList()), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
            return new PagedResult<SubmissionToGradeResponse>(page.Items.Select(r => new SubmissionToGradeResponse(
                r.SubmissionId, r.AssignmentId, r.Title, r.Kind, r.CohortId, titles.GetValueOrDefault(r.CohortId, ""), r.AuthorId, names.GetValueOrDefault(r.AuthorId, ""),
                r.Attempt, r.SubmittedAt, r.DaysLate > 0, r.Status)).ToList(), page.Page, page.PageSize, page.TotalCount);
        }
    }

    /// <summary>
    /// Every submission of the trained cohorts, and in each mentored cohort those of the caller's own learners there (a mentee of one
    /// cohort may learn in another under someone else): one OR-ed condition per mentored cohort, still one statement.
    /// </summary>
    private static Expression<Func<Submission, bool>> Reachable(List<Guid> trained, IReadOnlyList<Mentee> mentored)
    {
        var s = Expression.Parameter(typeof(Submission), "s");
        Expression<Func<Submission, bool>> inTrained = x => trained.Contains(x.CohortId);
        var body = Expression.Invoke(inTrained, s) as Expression;
        foreach (var cohort in mentored.GroupBy(m => m.CohortId))
        {
            var cohortId = cohort.Key;
            var learners = cohort.Select(m => m.LearnerId).ToList();
            Expression<Func<Submission, bool>> mine = x => x.CohortId == cohortId && learners.Contains(x.AuthorId);
            body = Expression.OrElse(body, Expression.Invoke(mine, s));
        }

        return Expression.Lambda<Func<Submission, bool>>(body, s);
    }

    private sealed record Row(
        Guid SubmissionId, Guid AssignmentId, string Title, AssignmentKind Kind, Guid CohortId, Guid AuthorId, int Attempt, DateTimeOffset SubmittedAt, int DaysLate,
        GradeStatus? Status);

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/me/to-grade", async ([AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(paging), ct)))
            .WithName("ListToGrade")
            .WithSummary("What waits for the caller's grading across their cohorts (\"à corriger\": trainers; mentors, their own learners)")
            .WithDescription("Any signed-in user: in each cohort where they are a trainer, every learner's latest attempt at a text or file assignment whose grade is neither released nor returned for revision (none yet, or a draft); in each cohort where they mentor, the same for their own learners only. Oldest first, paged. Quizzes are graded at submission and left out. Learners and outsiders get an empty list.")
            .RequireAuthorization(Policies.SignedIn);
}
