using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Domain;
using Spoc.Modules.FollowUp.Features.Access;
using Spoc.Modules.FollowUp.Features.Journal;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.FollowUp.Features.Actions;

/// <summary>GET /cohorts/{cohortId}/members/{userId}/actions: a learner's follow-up actions, the open ones first by due date.</summary>
internal static class ListFollowUpActions
{
    public sealed record Query(Guid CohortId, Guid LearnerId, PageRequest Paging) : IQuery<PagedResult<FollowUpActionResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(FollowUpDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, PagedResult<FollowUpActionResponse>>
    {
        public async ValueTask<PagedResult<FollowUpActionResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            await sender.FollowingLearnerAsync(db, query.CohortId, query.LearnerId, me.Id, cancellationToken);
            var page = await db.Actions.AsNoTracking()
                .Where(a => a.CohortId == query.CohortId && a.LearnerId == query.LearnerId)
                .OrderBy(a => a.Status == FollowUpActionStatus.Open ? 0 : 1).ThenBy(a => a.DueOn).ThenByDescending(a => a.CreatedAt)
                .ToPageAsync(query.Paging, cancellationToken);
            var names = await sender.NamesAsync(page.Items.Select(a => a.AuthorId), cancellationToken);
            return new PagedResult<FollowUpActionResponse>([.. page.Items.Select(a => FollowUpActionResponse.From(a, names))], page.Page, page.PageSize, page.TotalCount);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/members/{userId:guid}/actions", async (Guid cohortId, Guid userId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, userId, paging), ct)))
            .WithName("ListFollowUpActions")
            .WithSummary("A learner's follow-up actions, open ones first by due date (trainers, org admins, the learner's mentor)")
            .WithDescription("Who may read the learner's journal (a mentor: their own learners; others inside 403, outsiders 404). Open actions first, by due date, then the done and cancelled ones. The learner sees their own actions (without anyone's notes) in GET /me/follow-up. Each carries its `version` (ETag) for PATCH. Paged (default 20, max 100).")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
