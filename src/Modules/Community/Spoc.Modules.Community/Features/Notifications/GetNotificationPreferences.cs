using System.Text.Json.Serialization;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Features.Notifications;

/// <summary>Where each kind of notification reaches the caller.</summary>
/// <param name="Essential">An essential kind (decisions, grades, staff's words) cannot be set to None.</param>
internal sealed record NotificationChannelChoice(NotificationKind Kind, NotificationChannel Channel, bool Essential);

/// <summary>The caller's notification preferences: every kind with its channel, and the daily digest switch; <c>etag</c> for <c>If-Match</c>.</summary>
/// <param name="DailyDigest">One mail a day listing what would have been mailed one by one.</param>
/// <param name="Channels">Every kind, in a fixed order, with the caller's channel (or its default).</param>
internal sealed record NotificationPreferencesResponse(bool DailyDigest, IReadOnlyList<NotificationChannelChoice> Channels, [property: JsonIgnore] Guid Version) : IVersioned
{
    /// <summary>The version, as the <c>ETag</c> header gives it: send it as <c>If-Match</c> to change these preferences.</summary>
    [JsonPropertyName("etag")]
    public string ETag => ETags.Of(Version);

    public static NotificationPreferencesResponse Of(NotificationSettings? settings) =>
        new(settings?.DailyDigest ?? false, Enum.GetValues<NotificationKind>()
            .Select(k => new NotificationChannelChoice(k, settings?.ChannelOf(k) ?? NotificationSettings.Default(k), NotificationSettings.Essential.Contains(k)))
            .ToList(), settings?.Version ?? Guid.Empty);
}

/// <summary>GET /me/notification-preferences.</summary>
internal static class GetNotificationPreferences
{
    public sealed record Query : IQuery<NotificationPreferencesResponse>;

    internal sealed class Handler(CommunityDbContext db, ICurrentUser me) : IQueryHandler<Query, NotificationPreferencesResponse>
    {
        public async ValueTask<NotificationPreferencesResponse> Handle(Query query, CancellationToken cancellationToken) =>
            NotificationPreferencesResponse.Of(await db.NotificationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == me.Id, cancellationToken));
    }

    public static void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/me/notification-preferences", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new Query(), ct)))
            .WithName("GetMyNotificationPreferences")
            .WithSummary("Where each kind of notification reaches the caller: in the app, by email, both, or not at all")
            .WithDescription("Any signed-in user, their own. Someone who never chose gets the defaults: in the app and by email for everything, except mentions, replies and invitations (in the app only: Platform mails the invitation itself); no digest. Answers an `ETag` for `PUT` (`If-Match`); the defaults' matches a first `PUT`.")
            .RequireAuthorization(Policies.SignedIn);
}
