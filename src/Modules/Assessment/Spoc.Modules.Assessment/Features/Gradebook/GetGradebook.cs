using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Assessment.Features.Gradebook;

/// <summary>
/// GET /cohorts/{cohortId}/gradebook: the current weighted grade per learner from released grades, with per-category
/// subtotals and per-assignment cells; trainers and org admins see everyone, a mentor their learners, a learner their own
/// row. Paged over learners, by name; a fixed number of queries whatever the numbers of learners and assignments.
/// </summary>
internal static class GetGradebook
{
    public sealed record Query(Guid CohortId, PageRequest Paging, bool IncludeWithdrawn = false) : IQuery<Response>;

    /// <summary>A page of the gradebook.</summary>
    /// <param name="Policy">The policy the grades follow (the default one when none was set).</param>
    /// <param name="Assignments">The columns: published, released assignments, by due date.</param>
    /// <param name="Items">This page's learners, by name (with <c>includeWithdrawn</c>, former learners among them, marked <c>withdrawn</c>).</param>
    /// <param name="Page">1-based number of this page.</param>
    /// <param name="PageSize">Learners per page, as asked (1 to 100, default 20).</param>
    /// <param name="TotalCount">Learners the caller sees, across all pages.</param>
    public sealed record Response(Guid CohortId, GradebookPolicyResponse Policy, IReadOnlyList<GradebookColumn> Assignments, IReadOnlyList<GradebookRow> Items, int Page, int PageSize, int TotalCount);

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var access = await sender.RequireInsideAsync(query.CohortId, me.Id, cancellationToken);
            if (query.IncludeWithdrawn && !access.Can(CohortCapability.ActOnAllLearners))
            {
                throw ProblemException.Forbidden("Only the cohort's trainers and org admins see the learners who withdrew.");
            }

            var (learners, withdrawn) = await VisibleLearnersAsync(sender, access, me.Id, query.IncludeWithdrawn ? db : null, cancellationToken);
            var now = clock.GetUtcNow();
            var sheet = await GradebookSheet.LoadAsync(db, query.CohortId, now, cancellationToken);
            var page = learners.Skip((query.Paging.Page - 1) * query.Paging.PageSize).Take(query.Paging.PageSize).ToList();
            var rows = await sheet.RowsAsync(db, sender, query.CohortId, access.TimeZone, page, now, cancellationToken);
            return new Response(
                query.CohortId, GradebookPolicyResponse.From(sheet.Policy), sheet.Columns, [.. rows.Select(r => withdrawn.Contains(r.UserId) ? r with { Withdrawn = true } : r)],
                query.Paging.Page, query.Paging.PageSize, learners.Count);
        }
    }

    /// <summary>
    /// The cohort's learners the caller may see (everyone with <c>ActOnAllLearners</c>, a mentor's own, a learner themselves), by name.
    /// With <paramref name="withdrawnFrom"/> (staff only), the learners who withdrew (or were removed) after handing work in are among
    /// them, and listed apart: Cohorts deletes the membership and keeps no trace of it, so a former learner is an author of the
    /// cohort's submissions who is no longer on its roster (docs/adr/0027). One statement more.
    /// </summary>
    public static async Task<(List<(Guid Id, string Name)> Learners, HashSet<Guid> Withdrawn)> VisibleLearnersAsync(
        ISender sender, CohortAccessInfo access, Guid callerId, AssessmentDbContext? withdrawnFrom, CancellationToken ct)
    {
        var roster = await sender.Send(new GetCohortLearners(access.CohortId), ct) ?? throw ProblemException.NotFound("This cohort");
        var current = roster.LearnerIds.ToList();
        HashSet<Guid> withdrawn = withdrawnFrom is null ? [] : [.. await withdrawnFrom.Submissions.AsNoTracking()
            .Where(s => s.CohortId == access.CohortId && !current.Contains(s.AuthorId)).Select(s => s.AuthorId).Distinct().ToListAsync(ct)];
        var visible = current.Where(id => access.CanActOn(id) || id == callerId).Concat(withdrawn).ToList();
        if (visible.Count == 0)
        {
            return ([], withdrawn);
        }

        var users = await sender.Send(new GetUsers(visible), ct);
        return ([.. users.OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).ThenBy(u => u.Id).Select(u => (u.Id, u.DisplayName))], withdrawn);
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/gradebook", async (Guid cohortId, bool? includeWithdrawn, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, paging, includeWithdrawn ?? false), ct)))
            .WithName("GetGradebook")
            .WithSummary("Current weighted grade per learner (trainers, org admins: everyone; mentor: their learners; learner: self)")
            .WithDescription("From **released** grades only (drafts and work returned for revision never count). Per learner: `grade` (percent, 2 decimals; null while nothing counts), `passed` against the policy's `passMark`, a subtotal per category of the policy, and one cell per assignment (`assignments`: published and released, by due date) with the points that count and a status: `Released`, `Pending` (handed in, not released), `Missing` (nothing handed in by the learner's own due date: 0 when the policy has `missingCountsAsZero`, else not counted), `Upcoming`. The arithmetic: within a category, the points that count over their maximum after dropping the `dropLowest` lowest results (by share of their maximum; one always counts); the grade weights the categories where something counts, over their weights; without categories, every assignment counts by its points. Late work: a quiz's score already has its penalty; a grader's score loses the submission's `penaltyPercent` here. Trainers, org admins and the platform admin see every learner, a mentor their own learners, a learner their own row; a partner's admin 403, outsiders 404. Paged over learners by name (`pageSize` 1-100, default 20). The number of SQL queries does not grow with the cohort. Learners who withdrew from the cohort (or were removed) are no longer its learners and leave the gradebook, as they leave the CSV export and the heat map; `includeWithdrawn=true` (trainers and org admins only, others 403) lists among the rows those who had handed work in, marked `withdrawn`, with the grades they had.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.GradesRead)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
