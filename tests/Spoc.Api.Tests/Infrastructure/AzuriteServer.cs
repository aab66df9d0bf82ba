using System.Diagnostics;
using Spoc.Api.Tests.Persistence;

namespace Spoc.Api.Tests.Infrastructure;

/// <summary>
/// Azurite's blob service (npm <c>azurite</c>, installed in tests/tools by .ci/run) on a free port, in memory, from a
/// temporary directory; killed and removed on dispose. Missing, it fails the test that needs it, like <see cref="RedisServer"/>.
/// </summary>
internal sealed class AzuriteServer : IAsyncDisposable
{
    // Azurite's documented development account: a public, well-known key that only ever opens the emulator.
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly string _directory;

    private AzuriteServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint=http://127.0.0.1:{port}/{Account};";
    }

    /// <summary>The value of <c>Files:BlobConnectionString</c> for the API.</summary>
    public string ConnectionString { get; }

    public static async Task<AzuriteServer> StartAsync()
    {
        var executable = Path.Combine(Repository.Root, "tests", "tools", "node_modules", ".bin", "azurite-blob");
        if (!File.Exists(executable))
        {
            throw new AssertionException("Azurite is not installed: `npm ci --prefix tests/tools`, as .ci/run does.");
        }

        var port = RedisServer.FreePort();
        var directory = Directory.CreateTempSubdirectory("spoc-azurite-").FullName;
        var process = Process.Start(new ProcessStartInfo(executable)
        {
            ArgumentList =
            {
                // In memory (Azurite refuses --location with it): the temporary working directory only catches anything it might write.
                "--blobHost", "127.0.0.1", "--blobPort", port.ToString(), "--inMemoryPersistence", "--extentMemoryLimit", "256",
                "--skipApiVersionCheck", "--disableTelemetry",
            },
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var server = new AzuriteServer(process, directory, port);

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("successfully listens on", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new AssertionException($"Azurite exited with code {process.ExitCode} before it was ready."));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Kills the emulator (node and its children), as an outage would.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
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
