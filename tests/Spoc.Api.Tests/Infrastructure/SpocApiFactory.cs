using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spoc.SharedKernel.Email;

namespace Spoc.Api.Tests.Infrastructure;

/// <summary>
/// The real host on a fresh SQLite file in its own data directory. Settings can be overridden per factory;
/// two factories on one data directory are two runs of the same installation (restart tests).
/// </summary>
public sealed class SpocApiFactory(IDictionary<string, string?>? overrides = null, string? dataDirectory = null) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@spoc.test";
    public const string AdminPassword = "Admin-Pass-2026";

    // A fixed key lets tests forge tokens (expired, wrong audience...) exactly as an attacker holding it could.
    public static readonly byte[] SigningKey = Enumerable.Range(1, 48).Select(i => (byte)i).ToArray();

    public string DataDirectory { get; } = dataDirectory ?? Path.Combine(Path.GetTempPath(), "spoc-tests", Guid.NewGuid().ToString("N"));

    public RecordingEmailSender Emails { get; } = new();

    public QueryCounter Queries { get; } = new();

    public ConcurrentQueue<string> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Spoc:DataDirectory"] = DataDirectory,
            ["Database:Provider"] = "Sqlite",
            ["Seed:Demo"] = "false",
            ["Auth:SigningKey"] = Convert.ToBase64String(SigningKey),
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
            ["Outbox:PollingInterval"] = "00:00:00.100",
            ["Outbox:RetryBaseDelay"] = "00:00:00.200",
            ["RateLimiting:TokenPermitsPerIp"] = "10000",
            ["RateLimiting:TokenPermitsPerAccount"] = "10000",
            ["RateLimiting:ApiPermitsPerCaller"] = "100000",
            ["Spoc:SpaDirectory"] = Path.Combine(DataDirectory, "no-spa"),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IEmailSender>(Emails);
            services.AddSingleton<IInterceptor>(Queries);
        });
    }
}

/// <summary>Records every message; can be told to fail the next N sends to exercise outbox retries.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    private int _failuresLeft;

    public ConcurrentQueue<EmailMessage> Sent { get; } = new();

    private int _attempts;

    public int Attempts => _attempts;

    public void FailNext(int times) => _failuresLeft = times;

    public Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        Interlocked.Increment(ref _attempts);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new IOException("SMTP relay unavailable (simulated)");
        }

        Sent.Enqueue(message);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Counts SQL commands, so tests can show that a request's query count does not grow with the data.
/// The outbox dispatcher's background polling is left out: it is not part of any request.
/// </summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => _count;

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (!command.CommandText.Contains("Outbox\"", StringComparison.Ordinal) && !command.CommandText.Contains("Inbox\"", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
        }

        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}

internal sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, sink);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue($"{category}: {formatter(state, exception)}");
    }
}
