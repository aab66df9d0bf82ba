using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Spoc.Bench;

/// <summary>
/// Notifications pushed per second: every receiver holds a live connection to /hubs/notifications (WebSocket, as the
/// SPA), a sender repeats one request that notifies all of them (an announcement to their cohort) for the given time,
/// and the pushes that reach the receivers are counted until all have arrived (or none came for 10 s).
/// Prints "pushes/s pushes expected requests seconds".
/// </summary>
internal static class PushLoad
{
    // push <api-url> <seconds> <sender-token> <path> <json-body> <receivers-file: a token as the last word of each line>
    public static async Task<int> RunAsync(string[] args)
    {
        var (api, duration, sender, path, body) = (new Uri(args[1]), TimeSpan.FromSeconds(double.Parse(args[2])), args[3], args[4], args[5]);
        var receivers = File.ReadLines(args[6]).Where(l => l.Length > 0).Select(l => l.Split(' ')[^1]).ToList();
        long pushes = 0;
        var connections = await Task.WhenAll(receivers.Select(async token =>
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(api, "/hubs/notifications"), o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                })
                .Build();
            connection.On("notificationsChanged", () => Interlocked.Increment(ref pushes));
            await connection.StartAsync();
            return connection;
        }));

        using var http = new HttpClient { BaseAddress = api };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sender);
        var clock = Stopwatch.StartNew();
        var requests = 0;
        while (clock.Elapsed < duration)
        {
            using var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"push: {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                return 1;
            }

            requests++;
        }

        // The pushes trail the requests (outbox, then the notifications' commit): count until all are in, or they stop coming.
        var expected = (long)requests * receivers.Count;
        var (last, lastChange, lastAt) = (0L, clock.Elapsed, clock.Elapsed);
        while (Interlocked.Read(ref pushes) < expected && clock.Elapsed - lastChange < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
            var now = Interlocked.Read(ref pushes);
            if (now != last)
            {
                (last, lastChange, lastAt) = (now, clock.Elapsed, clock.Elapsed);
            }
        }

        var received = Interlocked.Read(ref pushes);
        var seconds = (received >= expected ? clock.Elapsed : lastAt).TotalSeconds;
        Console.WriteLine($"{received / seconds:F0} {received} {expected} {requests} {seconds:F1}");
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        return received > 0 ? 0 : 1;
    }
}
