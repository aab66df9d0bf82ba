using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Conversations;

/// <summary>
/// POST /conversations/{conversationId}/read: everything sent so far is read by the caller, and so are the conversation's
/// Message notifications in their feed. Idempotent; the read mark only moves forward.
/// </summary>
internal static class MarkConversationRead
{
    public sealed record Command(Guid ConversationId) : ICommand;

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var conversation = await db.ReachAsync(sender, me.Id, command.ConversationId, cancellationToken);
            var now = clock.GetUtcNow();
            var userId = me.Id;
            var moved = await db.ConversationReaders.Where(r => r.ConversationId == conversation.Id && r.UserId == userId && r.ReadUpTo < now)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReadUpTo, now), cancellationToken);
            if (moved == 0 && !await db.ConversationReaders.AnyAsync(r => r.ConversationId == conversation.Id && r.UserId == userId, cancellationToken))
            {
                db.ConversationReaders.Add(new ConversationReader { ConversationId = conversation.Id, UserId = userId, ReadUpTo = now });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException e) when (e.IsUniqueViolation())
                {
                    db.ChangeTracker.Clear(); // a parallel request marked it at the same moment
                }
            }

            var link = $"/conversations/{conversation.Id}";
            await db.Notifications.Where(n => n.UserId == userId && n.Kind == NotificationKind.Message && n.Link == link && n.ReadAt == null && n.CreatedAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/conversations/{conversationId:guid}/read", async (Guid conversationId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(conversationId), ct);
                return TypedResults.NoContent();
            })
            .WithName("MarkConversationRead")
            .WithSummary("Mark a private conversation read up to now, with its message notifications")
            .WithDescription("Idempotent. The learner, the cohort's trainers and the learner's mentor; anyone else 404.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound);
}
