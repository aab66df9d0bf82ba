using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Conversations;

/// <summary>
/// GET /cohorts/{cohortId}/conversations: a trainer, every learner's conversation of the cohort; a mentor, their own
/// learners'; a learner, their own. Latest activity first, each with the caller's unread count.
/// </summary>
internal static class ListConversations
{
    public sealed record Query(Guid CohortId, PageRequest Paging) : IQuery<PagedResult<ConversationResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, PagedResult<ConversationResponse>>
    {
        public async ValueTask<PagedResult<ConversationResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var access = await sender.Send(new GetCohortAccess(query.CohortId, me.Id), cancellationToken) ?? throw ProblemException.NotFound("This cohort");
            var userId = me.Id;
            var mentees = access.MentoredLearnerIds.ToList();
            var conversations = db.Conversations.AsNoTracking().Where(c => c.CohortId == query.CohortId);
            conversations = access.Role switch
            {
                CohortRole.Trainer => conversations,
                CohortRole.Mentor => conversations.Where(c => mentees.Contains(c.LearnerId)),
                CohortRole.Learner => conversations.Where(c => c.LearnerId == userId),
                _ => throw ProblemException.Forbidden("Private conversations are between a learner and their trainers and mentor."),
            };
            return await ConversationResponse.PageAsync(conversations, db, sender, userId, query.Paging, cancellationToken);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/cohorts/{cohortId:guid}/conversations", async (Guid cohortId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(cohortId, paging), ct)))
            .WithName("ListConversations")
            .WithSummary("The private conversations the caller takes part in, in a cohort, with unread counts")
            .WithDescription("A trainer of the cohort: every learner's conversation; a mentor: their own learners' only; a learner: their own (at most one). Anyone else who sees the cohort (organisation admins included) 403, outsiders 404. Latest activity first, paged.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
