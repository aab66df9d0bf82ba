using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Spoc.Api.Tests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> (Debian's package) on a free port, in a temporary directory, with nothing persisted;
/// killed and removed on dispose. Shared by the live hub's backplane tests and the two-instance tests. Missing, it fails the test that needs it: a skipped backplane test proves nothing.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private RedisServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Connection = $"127.0.0.1:{port}";
    }

    /// <summary>The value of <c>Redis:Connection</c> for the API.</summary>
    public string Connection { get; }

    public static async Task<RedisServer> StartAsync()
    {
        var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new AssertionException("redis-server is not installed: `apt-get install -y redis-server` (Debian), as .ci/run does.");
        var port = FreePort();
        var directory = Directory.CreateTempSubdirectory("spoc-redis-").FullName;
        var process = Process.Start(new ProcessStartInfo(executable)
        {
            ArgumentList = { "--port", port.ToString(), "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var server = new RedisServer(process, directory, port);

        // Its log says when it listens; the wait is bounded, and running out is a failure.
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new AssertionException($"redis-server exited with code {process.ExitCode} before it was ready."));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills the server, as an outage would: clients see their connections drop.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
