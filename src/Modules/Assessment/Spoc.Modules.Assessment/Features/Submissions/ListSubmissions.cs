using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Assessment.Features.Assignments;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Assessment.Features.Submissions;

/// <summary>
/// GET /assignments/{assignmentId}/submissions: every attempt (or with <c>latestOnly</c> each learner's latest, what a grader walks
/// through), for trainers and org admins; a mentor's own learners' only.
/// </summary>
internal static class ListSubmissions
{
    public sealed record Query(Guid AssignmentId, PageRequest Paging, bool LatestOnly = false) : IQuery<PagedResult<SubmissionResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : IQueryHandler<Query, PagedResult<SubmissionResponse>>
    {
        public async ValueTask<PagedResult<SubmissionResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var cohortId = await db.Assignments.Where(a => a.Id == query.AssignmentId).Select(a => (Guid?)a.CohortId).FirstOrDefaultAsync(cancellationToken)
                ?? throw ProblemException.NotFound("This assignment");
            var access = await sender.RequireInsideAsync(cohortId, me.Id, cancellationToken);
            var everyone = access.Can(CohortCapability.ActOnAllLearners);
            if (!everyone && !access.Can(CohortCapability.ActOnOwnMentees))
            {
                throw await db.Assignments.Where(a => a.Id == query.AssignmentId).VisibleTo(access, clock.GetUtcNow()).AnyAsync(cancellationToken)
                    ? ProblemException.Forbidden("Only trainers, org admins and mentors read the submissions.")
                    : ProblemException.NotFound("This assignment");
            }

            var mentees = access.MentoredLearnerIds.ToList();
            var page = await db.Submissions.AsNoTracking()
                .Where(s => s.AssignmentId == query.AssignmentId && (everyone || mentees.Contains(s.AuthorId)))
                .Where(s => !query.LatestOnly || !db.Submissions.Any(o => o.AssignmentId == s.AssignmentId && o.AuthorId == s.AuthorId && o.Attempt > s.Attempt))
                .OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id)
                .ToPageAsync(query.Paging, cancellationToken);
            var ids = page.Items.Select(s => s.Id).ToList();
            var grades = await db.Grades.AsNoTracking().Where(g => ids.Contains(g.SubmissionId)).ToDictionaryAsync(g => g.SubmissionId, cancellationToken);
            return new PagedResult<SubmissionResponse>(
                page.Items.Select(s => SubmissionResponse.From(s, grades.GetValueOrDefault(s.Id))).ToList(), page.Page, page.PageSize, page.TotalCount);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/assignments/{assignmentId:guid}/submissions", async (Guid assignmentId, bool? latestOnly, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(assignmentId, paging, latestOnly ?? false), ct)))
            .WithName("ListSubmissions")
            .WithSummary("Every attempt at an assignment, in the order handed in (trainers, org admins; a mentor: their own learners')")
            .WithDescription("Requires `ActOnAllLearners`, or `ActOnOwnMentees` for a mentor, who sees their own learners' attempts only. Learners who see the assignment 403; outsiders, and those who do not see it, 404. Paged (`pageSize` up to 100: a grader pages through more). `latestOnly=true` keeps each learner's latest attempt, what the grading screen walks through; a group project's hand-in has a row per learner of the group (same `groupId` and attempt, graded once).")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.GradesRead)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
