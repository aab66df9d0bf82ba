using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Spoc.Modules.Community.Live;
using StackExchange.Redis;

namespace Spoc.Api.Infrastructure;

/// <summary>
/// The live hub (ADR 0026): SignalR on <c>/hubs/notifications</c>, carried between instances by Redis when
/// <c>Redis:Connection</c> is set (one instance alone otherwise), authenticated by the API's bearer token.
/// </summary>
internal static class Live
{
    public static IServiceCollection AddSpocLive(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR();
        if (configuration["Redis:Connection"] is { Length: > 0 } redis)
        {
            // Its own channel prefix: the Redis server may carry other applications' (or another Spoc's) channels.
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal("spoc"));
        }

        services.AddSingleton<IUserIdProvider, LiveUsers>();
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            jwt.Events ??= new JwtBearerEvents();
            var next = jwt.Events.OnMessageReceived;
            jwt.Events.OnMessageReceived = context =>
            {
                // A browser cannot set headers on a WebSocket or an EventSource, so those two, and only to the hub, may carry
                // the token in the query string. Everything else (the hub's negotiate included) sends the Authorization header:
                // a URL ends up in logs and histories.
                if (context.Request.Path.StartsWithSegments(NotificationsHub.Path) && IsStreaming(context.HttpContext)
                    && context.Request.Query["access_token"] is [{ Length: > 0 } token])
                {
                    context.Token = token;
                }

                return next(context);
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapSpocLive(this IEndpointRouteBuilder app)
    {
        app.MapHub<NotificationsHub>(NotificationsHub.Path);
        return app;
    }

    /// <summary>
    /// A WebSocket handshake (HTTP/1.1 Upgrade, HTTP/2 extended CONNECT) or an EventSource request, told from the request
    /// itself: authentication runs before the endpoint's WebSocket middleware, so <c>HttpContext.WebSockets</c> may not know yet.
    /// </summary>
    private static bool IsStreaming(HttpContext http) =>
        http.WebSockets.IsWebSocketRequest
        || string.Equals(http.Request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase)
        || http.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true, Protocol: "websocket" }
        || http.Request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true);
}
