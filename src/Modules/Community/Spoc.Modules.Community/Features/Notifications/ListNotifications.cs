using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Notifications;

/// <summary>GET /me/notifications: the caller's feed, newest first; two statements whatever its length.</summary>
internal static class ListNotifications
{
    /// <param name="UnreadOnly">Only what the caller has not read yet.</param>
    public sealed record Query(bool UnreadOnly, PageRequest Paging) : IQuery<PagedResult<NotificationResponse>>;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Paging).SetValidator(new PageRequestValidator());
    }

    internal sealed class Handler(CommunityDbContext db, ICurrentUser me) : IQueryHandler<Query, PagedResult<NotificationResponse>>
    {
        public async ValueTask<PagedResult<NotificationResponse>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Notifications.AsNoTracking()
                .Where(n => n.UserId == me.Id && n.InFeed && (!query.UnreadOnly || n.ReadAt == null))
                .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
                .Select(n => new NotificationResponse(n.Id, n.Kind, n.Title, n.Summary, n.Link, n.CreatedAt, n.ReadAt))
                .ToPageAsync(query.Paging, cancellationToken);
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/me/notifications", async (bool? unreadOnly, [AsParameters] PageRequest paging, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(unreadOnly ?? false, paging), ct)))
            .WithName("ListMyNotifications")
            .WithSummary("The caller's notifications, newest first")
            .WithDescription("Any signed-in user, their own feed only: admissions, invitations, grades, revisions, mentions, replies, announcements and messages, as their preferences route them to the app (`GET /me/notification-preferences`). `unreadOnly=true` keeps the unread ones. Also pushed live on the hub `/hubs/notifications`.")
            .RequireAuthorization(Policies.SignedIn);
}
