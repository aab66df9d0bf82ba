using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Assessment.Data;
using Spoc.Modules.Assessment.Domain;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Assessment.Features.Assignments;

/// <summary>GET /cohorts/{cohortId}/assignments: by due date; learners see the released ones with their own due date, staff everything they may prepare.</summary>
internal static class ListAssignments
{
    public sealed record Query(Guid CohortId, PageRequest Paging) : IQuery<PagedResult<AssignmentResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(AssessmentDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : IQueryHandler<Query, PagedResult<AssignmentResponse>>
    {
        public async ValueTask<PagedResult<AssignmentResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var access = await sender.RequireInsideAsync(query.CohortId, me.Id, cancellationToken);
            var now = clock.GetUtcNow();
            var page = await db.Assignments.AsNoTracking()
                .Where(a => a.CohortId == query.CohortId)
                .VisibleTo(access, now)
                .OrderBy(a => a.DueAt).ThenBy(a => a.Id)
                .ToPageAsync(query.Paging, cancellationToken);
            var shift = access.Role == CohortRole.Learner && page.Items.Count > 0 ? await sender.ShiftOfAsync(query.CohortId, me.Id, cancellationToken) : 0;
            return new PagedResult<AssignmentResponse>(page.Items.Select(a => AssignmentResponse.For(a, access, shift, now)).ToList(), page.Page, page.PageSize, page.TotalCount);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/assignments", async (Guid cohortId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, paging), ct)))
            .WithName("ListAssignments")
            .WithSummary("A cohort's assignments, by due date (members and staff)")
            .WithDescription("Requires `ViewInside` (a partner's admin 403, outsiders 404). Learners see published assignments once released, each with `yourDueAt` (their own due date, after their pacing shift) and quiz answers withheld until it has passed; mentors also see published ones before their release; trainers and org admins also see drafts. Paged.")
            .RequireAuthorization(Policies.SignedIn)
            .AllowScopes(Scopes.GradesRead)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
