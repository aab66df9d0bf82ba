using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Conversations;

/// <summary>GET /conversations/{conversationId}: the conversation's header, for its two sides only.</summary>
internal static class GetConversation
{
    public sealed record Query(Guid ConversationId) : IQuery<ConversationResponse>;

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, ConversationResponse>
    {
        public async ValueTask<ConversationResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            var conversation = await db.ReachAsync(sender, me.Id, query.ConversationId, cancellationToken);
            return (await ConversationResponse.PageAsync(db.Conversations.Where(c => c.Id == conversation.Id), db, sender, me.Id, new PageRequest(), cancellationToken)).Items.Single();
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/conversations/{conversationId:guid}", async (Guid conversationId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(conversationId), ct)))
            .WithName("GetConversation")
            .WithSummary("A private conversation: its learner, last activity and the caller's unread count")
            .WithDescription("The learner, the cohort's trainers and the learner's mentor; anyone else 404, as for a conversation that does not exist.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound);
}
