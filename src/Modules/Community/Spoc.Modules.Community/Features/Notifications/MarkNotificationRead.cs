using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Notifications;

/// <summary>POST /me/notifications/{notificationId}/read: idempotent, the first reading time stays.</summary>
internal static class MarkNotificationRead
{
    public sealed record Command(Guid NotificationId) : ICommand;

    internal sealed class Handler(CommunityDbContext db, ICurrentUser me, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var mine = db.Notifications.Where(n => n.Id == command.NotificationId && n.UserId == me.Id && n.InFeed);
            if (await mine.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken) == 0
                && !await mine.AnyAsync(cancellationToken))
            {
                throw ProblemException.NotFound("This notification");
            }

            return Unit.Value;
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/me/notifications/{notificationId:guid}/read", async (Guid notificationId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(notificationId), ct);
                return TypedResults.NoContent();
            })
            .WithName("MarkNotificationRead")
            .WithSummary("Mark one of the caller's notifications read")
            .WithDescription("Idempotent: marking it again keeps the first reading time. Someone else's notification is 404.")
            .RequireAuthorization(Policies.SignedIn)
            .Problems(ProblemType.NotFound);
}
