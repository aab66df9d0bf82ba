using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Community.Live;

/// <summary>SignalR clients of a test host's hub, and awaiting what they receive without sleeping.</summary>
internal static class LiveClient
{
    /// <summary>Waits this long for a push; reaching it is a failure, not a measured time.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A started connection over WebSockets, as the SPA makes it: the negotiate request with the Authorization header, the
    /// WebSocket with the token in its query string (a browser cannot set headers on a WebSocket).
    /// </summary>
    public static async Task<HubConnection> ConnectAsync(this SpocApiFactory factory, string? accessToken)
    {
        var server = factory.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/notifications"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult(accessToken);
                o.WebSocketFactory = async (context, ct) =>
                {
                    var uri = accessToken is null ? context.Uri : new Uri($"{context.Uri}&access_token={Uri.EscapeDataString(accessToken)}");
                    return await server.CreateWebSocketClient().ConnectAsync(uri, ct);
                };
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public static string TokenOf(HttpClient client) => client.DefaultRequestHeaders.Authorization!.Parameter!;

    /// <summary>The arguments of the next <paramref name="method"/> message; ask before the action that sends it.</summary>
    public static Task<object?[]> Next(this HubConnection connection, string method, params Type[] parameterTypes)
    {
        var received = new TaskCompletionSource<object?[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        IDisposable? subscription = null;
        subscription = connection.On(method, parameterTypes, args =>
        {
            if (received.TrySetResult(args))
            {
                subscription?.Dispose();
            }

            return Task.CompletedTask;
        });
        return received.Task.WaitAsync(Patience);
    }

    /// <summary>
    /// A round trip through the hub: everything the server sent this connection before the call has been handled by the
    /// client when it returns (one connection's messages arrive in order), so "nothing came" can be checked without waiting.
    /// </summary>
    public static Task RoundTripAsync(this HubConnection connection) => connection.InvokeAsync("LeaveThread", Guid.NewGuid());
}
