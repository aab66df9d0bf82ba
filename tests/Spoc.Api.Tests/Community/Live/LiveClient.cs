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

    /// <summary>Records every <paramref name="method"/> message from now on; subscribe before the action that sends it.</summary>
    public static Received Collect(this HubConnection connection, string method, params Type[] parameterTypes) => new(connection, method, parameterTypes);

    /// <summary>
    /// A round trip through the hub: everything the server sent this connection before the call has been handled by the
    /// client when it returns (one connection's messages arrive in order), so "nothing came" can be checked without waiting.
    /// </summary>
    public static Task RoundTripAsync(this HubConnection connection) => connection.InvokeAsync("LeaveThread", Guid.NewGuid());
}

/// <summary>The messages of one client method a connection received, and a wait for one that matches.</summary>
internal sealed class Received
{
    private readonly List<object?[]> _messages = [];
    private readonly List<(Func<object?[], bool> Matches, TaskCompletionSource<object?[]> Done)> _waiters = [];

    public Received(HubConnection connection, string method, Type[] parameterTypes) =>
        connection.On(method, parameterTypes, args =>
        {
            lock (_messages)
            {
                _messages.Add(args);
                _waiters.Where(w => w.Matches(args)).ToList().ForEach(w => w.Done.TrySetResult(args));
            }

            return Task.CompletedTask;
        });

    public int Count
    {
        get
        {
            lock (_messages)
            {
                return _messages.Count;
            }
        }
    }

    /// <summary>The first message (received already or to come) that matches; none within <see cref="LiveClient.Patience"/> fails.</summary>
    public Task<object?[]> WaitFor(Func<object?[], bool>? matches = null)
    {
        matches ??= _ => true;
        var done = new TaskCompletionSource<object?[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_messages)
        {
            if (_messages.FirstOrDefault(matches) is { } message)
            {
                done.SetResult(message);
            }
            else
            {
                _waiters.Add((matches, done));
            }
        }

        return done.Task.WaitAsync(LiveClient.Patience);
    }
}
