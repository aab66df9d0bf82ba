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
/// through), for trainers and org admins; a mentor's own learners' only. With <c>updatedSince</c>, the attempts handed in or
/// graded since a sync's cursor (ADR 0046): how a system syncs grades, one fact per attempt (the gradebook is computed from
/// them and changes as a whole with the policy). No tombstones: attempts and grades are never deleted.
/// </summary>
internal static class ListSubmissions
{
    /// <param name="Since">Sync mode (ADR 0046): only the attempts handed in or graded after this point, oldest change first.</param>
    public sealed record Query(Guid AssignmentId, PageRequest Paging, bool LatestOnly = false, ChangeCursor? Since = null) : IQuery<PagedResult<SubmissionResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
            // A new attempt makes the previous one no longer the latest without changing it: it would linger in the sync.
            RuleFor(q => q.LatestOnly).Equal(false).When(q => q.Since is not null).WithMessage("latestOnly does not go with updatedSince: sync every attempt.");
        }
    }

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me, TimeProvider clock, SyncWindow sync) : IQueryHandler<Query, PagedResult<SubmissionResponse>>
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

            if (query.Since is { } since)
            {
                // A learner given to another mentor would vanish from that mentor's sync, and their past attempts never reach the new one's.
                return everyone
                    ? await ChangesAsync(query, since, cancellationToken)
                    : throw ProblemException.Forbidden("Syncing reads every learner's attempts: trainers, org admins and API clients. A mentor reads the list without updatedSince.");
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

        /// <summary>
        /// An attempt never changes once handed in; its grade does: an item changed when its grade last did, or else when it was
        /// handed in. One statement with its grade (a count more for a full page), read in that order by the keyset cursor. The
        /// order is computed, so no index serves it: a sync sorts one assignment's attempts, learners × attempts at most.
        /// </summary>
        private async Task<PagedResult<SubmissionResponse>> ChangesAsync(Query query, ChangeCursor since, CancellationToken ct)
        {
            var rows = from s in db.Submissions.AsNoTracking().Where(s => s.AssignmentId == query.AssignmentId)
                       join g in db.Grades.AsNoTracking() on s.Id equals g.SubmissionId into grades
                       from g in grades.DefaultIfEmpty()
                       select new { Submission = s, Grade = g, UpdatedAt = g == null ? s.SubmittedAt : g.UpdatedAt };
            var (changed, left) = await sync.ReadAsync(rows, since, query.Paging.PageSize, r => r.UpdatedAt, r => r.Submission.Id, r => r, ct);
            return new PagedResult<SubmissionResponse>([.. changed.Select(r => SubmissionResponse.From(r.Submission, r.Grade))], query.Paging.Page, query.Paging.PageSize, left);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/assignments/{assignmentId:guid}/submissions", async (Guid assignmentId, bool? latestOnly, [AsParameters] PageRequest paging, [AsParameters] ChangeCursor.Parameters since,
                ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(assignmentId, paging, latestOnly ?? false, since.Cursor), ct)))
            .WithName("ListSubmissions")
            .WithSummary("Every attempt at an assignment, in the order handed in (trainers, org admins; a mentor: their own learners')")
            .WithDescription("Requires `ActOnAllLearners`, or `ActOnOwnMentees` for a mentor, who sees their own learners' attempts only. Learners who see the assignment 403; outsiders, and those who do not see it, 404. Paged (`pageSize` up to 100: a grader pages through more). `latestOnly=true` keeps each learner's latest attempt, what the grading screen walks through; a group project's hand-in has a row per learner of the group (same `groupId` and attempt, graded once). "
                + "Sync of grades (docs/integrations.md): with `updatedSince` (and `afterId`, the last item's `id`), only the attempts handed in or graded after that point (a new grade, a changed one, a release), each with its grade, oldest change first; "
                + "pass the last item's `updatedAt` and `id` back to read on; `page` is not used, `totalCount` is what is left, and `latestOnly` does not combine with it. "
                + "Trainers, org admins and API clients only (a mentor 403). No tombstones: attempts and grades are never deleted. Changes of the last few seconds are held back until they settle.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.GradesRead)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
