using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Conversations;

/// <summary>GET /conversations/{conversationId}/messages: newest first, paged; the authors' names in one more statement.</summary>
internal static class ListMessages
{
    public sealed record Query(Guid ConversationId, PageRequest Paging) : IQuery<PagedResult<MessageResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me) : IQueryHandler<Query, PagedResult<MessageResponse>>
    {
        public async ValueTask<PagedResult<MessageResponse>> Handle(Query query, CancellationToken cancellationToken)
        {
            var conversation = await db.ReachAsync(sender, me.Id, query.ConversationId, cancellationToken);
            var page = await db.ConversationMessages.AsNoTracking().Where(m => m.ConversationId == conversation.Id)
                .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
                .ToPageAsync(query.Paging, cancellationToken);
            var names = page.Items.Count == 0
                ? []
                : (await sender.Send(new GetUsers(page.Items.Select(m => m.AuthorId).Distinct().ToList()), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
            return new PagedResult<MessageResponse>(
                page.Items.Select(m => new MessageResponse(m.Id, m.AuthorId, names.GetValueOrDefault(m.AuthorId, ""), m.Body, m.BodyHtml, m.SentAt, m.AuthorId == me.Id)).ToList(),
                page.Page, page.PageSize, page.TotalCount);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/conversations/{conversationId:guid}/messages", async (Guid conversationId, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(conversationId, paging), ct)))
            .WithName("ListConversationMessages")
            .WithSummary("A private conversation's messages, newest first")
            .WithDescription("The learner, the cohort's trainers and the learner's mentor; anyone else 404. Reading does not mark read: `POST /conversations/{conversationId}/read` does.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound);
}
