using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Cohorts.Contracts;
using Spoc.Modules.Community.Contracts;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.Modules.Community.Notifications;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Email;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Spoc.SharedKernel.Text;
using Spoc.SharedKernel.Validation;

namespace Spoc.Modules.Community.Features.Conversations;

/// <summary>
/// POST /conversations/{conversationId}/messages: Markdown, sanitised before it is stored. The other side is notified
/// (kind Message) in the same commit: the learner when staff write; when the learner writes, their mentor (or, without
/// one, the cohort's trainers) and every staff member who already wrote in the conversation.
/// </summary>
internal static class SendMessage
{
    public const int MaxBody = 4000;

    /// <param name="Body">Markdown, 1 to 4000 characters.</param>
    public sealed record Request([property: MultiLine] string Body);

    public sealed record Command(Guid ConversationId, [property: MultiLine] string Body) : ICommand<MessageResponse>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Body).NotEmpty().MaximumLength(MaxBody);
    }

    internal sealed class Handler(CommunityDbContext db, ISender sender, ICurrentUser me, TimeProvider clock, Notifier notifier) : ICommandHandler<Command, MessageResponse>
    {
        public async ValueTask<MessageResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var conversation = await db.ReachAsync(sender, me.Id, command.ConversationId, cancellationToken);
            var now = clock.GetUtcNow();
            var message = new ConversationMessage { ConversationId = conversation.Id, AuthorId = me.Id, Body = command.Body, BodyHtml = Markdown.ToSafeHtml(command.Body), SentAt = now };
            db.ConversationMessages.Add(message);
            await db.Conversations.Where(c => c.Id == conversation.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastMessageAt, now), cancellationToken);
            db.AddIntegrationEvent(new ConversationMessageSent(
                conversation.CohortId, conversation.LearnerId, conversation.Id, message.Id, me.Id, ByStaff: me.Id != conversation.LearnerId, now), now);

            var recipients = await OtherSideAsync(conversation, cancellationToken);
            var author = (await sender.Send(new GetUsers([me.Id]), cancellationToken)).Single().DisplayName;
            var preview = command.Body.Length <= 200 ? command.Body : command.Body[..200] + "…";
            await notifier.AddAsync(NotificationKind.Message, recipients, user => new Composed(
                MailTemplate.In(user.PreferredLanguage, $"Nouveau message de {author}", $"New message from {author}"), preview, $"/conversations/{conversation.Id}"), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await notifier.DeliveredAsync(cancellationToken);
            return new MessageResponse(message.Id, me.Id, author, message.Body, message.BodyHtml, now, Mine: true);
        }

        private async Task<IEnumerable<Guid>> OtherSideAsync(Conversation conversation, CancellationToken ct)
        {
            if (me.Id != conversation.LearnerId)
            {
                return [conversation.LearnerId];
            }

            var staff = await sender.Send(new GetFollowUpStaff(conversation.CohortId, conversation.LearnerId), ct);
            var wrote = await db.ConversationMessages.Where(m => m.ConversationId == conversation.Id && m.AuthorId != conversation.LearnerId)
                .Select(m => m.AuthorId).Distinct().ToListAsync(ct);
            var followers = staff is null ? [] : staff.MentorId is { } mentor ? [mentor] : staff.TrainerIds;
            return followers.Concat(wrote);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/conversations/{conversationId:guid}/messages", async (Guid conversationId, Request request, ISender sender, CancellationToken ct) =>
            {
                var message = await sender.Send(new Command(conversationId, request.Body), ct);
                return TypedResults.Created($"/api/v1/conversations/{conversationId}/messages/{message.Id}", message);
            })
            .WithName("SendConversationMessage")
            .WithSummary("Write in a private conversation (Markdown); the other side is notified")
            .WithDescription("The learner, the cohort's trainers and the learner's mentor; anyone else 404. The body is Markdown (1-4000 characters), answered with `bodyHtml`, rendered and sanitised. A learner's message notifies their mentor (or the trainers when they have none) and staff who already wrote; a staff message notifies the learner.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound);
}
