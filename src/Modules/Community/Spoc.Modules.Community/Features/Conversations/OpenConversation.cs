using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Conversations;

/// <summary>
/// POST /cohorts/{cohortId}/conversations: the learner's conversation with their follow-up staff, opened on first use.
/// There is one per learner and cohort, so opening it again answers the same one (200 instead of 201).
/// </summary>
internal static class OpenConversation
{
    /// <param name="LearnerId">Whose conversation: staff name a learner they follow up; a learner leaves it out (or names themself).</param>
    public sealed record Request(Guid? LearnerId);

    public sealed record Command(Guid CohortId, Guid? LearnerId) : ICommand<(ConversationResponse Conversation, bool Created)>;

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command, (ConversationResponse, bool)>
    {
        public async ValueTask<(ConversationResponse, bool)> Handle(Command command, CancellationToken cancellationToken)
        {
            var access = await sender.Send(new GetCohortAccess(command.CohortId, me.Id), cancellationToken) ?? throw ProblemException.NotFound("This cohort");
            var learnerId = command.LearnerId ?? me.Id;
            if (learnerId == me.Id ? access.Role != CohortRole.Learner : !access.FollowsUp(learnerId))
            {
                throw access.Role is CohortRole.Learner or CohortRole.Mentor
                    ? ProblemException.NotFound("This learner")
                    : ProblemException.Forbidden("Private conversations are between a learner and their trainers and mentor.");
            }

            if (await sender.Send(new GetFollowUpStaff(command.CohortId, learnerId), cancellationToken) is null)
            {
                throw ProblemException.NotFound("This learner");
            }

            var created = false;
            if (!await db.Conversations.AnyAsync(c => c.CohortId == command.CohortId && c.LearnerId == learnerId, cancellationToken))
            {
                db.Conversations.Add(new Conversation { CohortId = command.CohortId, LearnerId = learnerId, CreatedAt = clock.GetUtcNow() });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    created = true;
                }
                catch (DbUpdateException e) when (e.IsUniqueViolation())
                {
                    db.ChangeTracker.Clear(); // opened at the same moment by the other side: theirs is the one
                }
            }

            var page = await ConversationResponse.PageAsync(db.Conversations.AsNoTracking().Where(c => c.CohortId == command.CohortId && c.LearnerId == learnerId),
                db, sender, me.Id, new PageRequest(), cancellationToken);
            return (page.Items.Single(), created);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/cohorts/{cohortId:guid}/conversations", async Task<Results<Created<ConversationResponse>, Ok<ConversationResponse>>> (
                Guid cohortId, Request request, ISender sender, CancellationToken ct) =>
            {
                var (conversation, created) = await sender.Send(new Command(cohortId, request.LearnerId), ct);
                return created ? TypedResults.Created($"/api/v1/conversations/{conversation.Id}", conversation) : TypedResults.Ok(conversation);
            })
            .WithName("OpenConversation")
            .WithSummary("Open (or find) a learner's private conversation with their follow-up staff")
            .WithDescription("A learner opens their own (`learnerId` left out); a trainer of the cohort opens any learner's, a mentor their own learners'. 201 when it is new, 200 with the existing one otherwise: there is one per learner and cohort. Organisation admins and partner admins 403; outsiders, and a learner or mentor naming someone else, 404.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.Forbidden, ProblemType.NotFound);
}
