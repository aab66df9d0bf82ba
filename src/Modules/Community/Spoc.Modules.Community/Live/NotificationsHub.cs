using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Spoc.Modules.Community.Features.Forums;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Community.Live;

/// <summary>
/// The live channel of a signed-in person (<c>/hubs/notifications</c>): "your notifications changed" to them alone, and
/// "a post was published" to the connections that opened that thread. Messages carry ids only: the client refetches
/// through the API, whose authorization is the one that counts (ADR 0026).
/// </summary>
[Authorize(Policies.SignedIn)]
internal sealed class NotificationsHub : Hub
{
    public const string Path = "/hubs/notifications";

    /// <summary>Client method: the caller's notification feed changed (no arguments: the client refetches its count and panel).</summary>
    public const string NotificationsChanged = "notificationsChanged";

    /// <summary>Client method: a post was published in a thread the connection joined (<see cref="PostPublished"/>).</summary>
    public const string PostPublishedMethod = "postPublished";

    /// <summary>Client method: learners' risk levels changed in a cohort the caller follows up (payload <c>{ cohortId }</c>: the dashboard refetches).</summary>
    public const string FollowUpChanged = "followUpChanged";

    public static string ThreadGroup(Guid threadId) => $"thread:{threadId:N}";

    /// <summary>
    /// Starts the <c>postPublished</c> messages of a thread the caller may read (the forum's own rule, <see cref="CanReadThread"/>).
    /// A thread that does not exist and one the caller may not read are refused alike, and nothing is joined.
    /// </summary>
    public async Task JoinThread(Guid threadId, [FromServices] ISender sender)
    {
        if (!await sender.Send(new CanReadThread(Guid.Parse(Context.UserIdentifier!), threadId), Context.ConnectionAborted))
        {
            throw new HubException("This thread does not exist or you may not read it.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, ThreadGroup(threadId), Context.ConnectionAborted);
    }

    public Task LeaveThread(Guid threadId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, ThreadGroup(threadId));
}

/// <summary>The payload of <c>postPublished</c>: where to refetch, never the post itself (ADR 0026).</summary>
internal sealed record PostPublished(Guid ThreadId, Guid PostId);

/// <summary>
/// A connection's user is the token's <c>sub</c> in the Guid's "D" form, the form <see cref="Of(Guid)"/> addresses: the
/// same on every instance, so the Redis backplane routes a user's messages to wherever their connections are.
/// </summary>
internal sealed class LiveUsers : IUserIdProvider
{
    public static string Of(Guid userId) => userId.ToString("D");

    public string? GetUserId(HubConnectionContext connection) =>
        Guid.TryParse(connection.User.FindFirstValue("sub"), out var id) ? Of(id) : null;
}
