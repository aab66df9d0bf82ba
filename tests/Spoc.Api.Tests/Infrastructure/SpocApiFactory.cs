using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Email;
using ZiggyCreatures.Caching.Fusion;

namespace Spoc.Api.Tests.Infrastructure;

/// <summary>
/// The real host on its own SQLite file in its own data directory. Settings can be overridden per factory;
/// two factories on one data directory are two runs of the same installation (restart tests).
/// </summary>
public sealed class SpocApiFactory(IDictionary<string, string?>? overrides = null, string? dataDirectory = null) : WebApplicationFactory<Program>
{
    /// <summary>
    /// A database as the first start leaves it (every module migrated, the bootstrap admin), made once per run by a host
    /// of its own. A factory without a data directory or database settings of its own starts from a copy, as a restarted
    /// installation would: migrating every module and hashing the admin's password on each start was a third of the suite's CPU.
    /// </summary>
    private static readonly Lazy<string> TemplateDatabase = new(() =>
    {
        // Its own database setting keeps this factory off the template it makes.
        using var first = new SpocApiFactory(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" });
        _ = first.Services; // starts the host
        var template = Path.Combine(Path.GetTempPath(), "spoc-tests", $"template-{Guid.NewGuid():N}.db");
        CopyDatabase(Path.Combine(first.DataDirectory, "spoc.db"), template);
        ForgetLeases(template);
        return template;
    });

    /// <summary>
    /// Each copy is a new installation: no instance has run its scheduled jobs or holds its outbox messages (ADRs 0050, 0051),
    /// whatever the template's host was doing when it was copied, so a test's own clock starts every schedule afresh.
    /// </summary>
    private static void ForgetLeases(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE '%ScheduledRuns' OR name LIKE '%Outbox')";
        var names = new List<string>();
        using (var reader = tables.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            using var forget = connection.CreateCommand();
            forget.CommandText = name.EndsWith("ScheduledRuns", StringComparison.Ordinal)
                ? $"DELETE FROM \"{name}\""
                : $"UPDATE \"{name}\" SET \"LockedBy\" = NULL, \"LockedUntil\" = NULL WHERE \"ProcessedAt\" IS NULL";
            forget.ExecuteNonQuery();
        }
    }

    // Resolved here, not while the host is being built: making the template builds another host.
    private readonly string? _template = dataDirectory is null
        && (overrides?.Keys ?? []).All(k => !new[] { "ConnectionStrings:", "Database:", "Bootstrap:", "Seed:" }.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            ? TemplateDatabase.Value
            : null;

    public const string AdminEmail = "admin@spoc.test";
    public const string AdminPassword = "Admin-Pass-2026";

    // A fixed key lets tests forge tokens (expired, wrong audience...) exactly as an attacker holding it could.
    public static readonly byte[] SigningKey = Enumerable.Range(1, 48).Select(i => (byte)i).ToArray();

    public string DataDirectory { get; } = dataDirectory ?? Path.Combine(Path.GetTempPath(), "spoc-tests", Guid.NewGuid().ToString("N"));

    public RecordingEmailSender Emails { get; } = new();

    public QueryCounter Queries { get; } = new();

    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>A consistent copy (<c>VACUUM INTO</c>), even while a host has the source open.</summary>
    private static void CopyDatabase(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        using var connection = new SqliteConnection($"Data Source={from};Pooling=False");
        connection.Open();
        using var vacuum = connection.CreateCommand();
        vacuum.CommandText = "VACUUM INTO $to";
        vacuum.Parameters.AddWithValue("$to", to);
        vacuum.ExecuteNonQuery();
    }

    /// <summary>Makes the problem declaration guard forget that this operation declares this slug (the guard's own test).</summary>
    public (string Operation, string Slug)? ForgottenDeclaration { get; init; }

    /// <summary>When set, the application's clock: tests move time with <see cref="FakeTimeProvider.Advance"/> instead of waiting.</summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>
    /// Returns once the outbox dispatcher has gone over every module's outbox twice more: whatever was committed before
    /// the call has been handled (or failed and waits for its retry), and a duplicate delivery would have happened.
    /// </summary>
    public Task OutboxDispatchedAsync()
    {
        var outboxes = Services.GetServices<ModuleDatabase>().Count(d => d.HasOutbox);
        var target = Queries.OutboxPolls + (3 * outboxes);
        // A pass over hundreds of fresh events (the 200-learner worlds) takes long on a loaded two-core machine: wait for it, however slow.
        return TestApi.EventuallyAsync(() => Task.FromResult(Queries.OutboxPolls >= target), "the outbox dispatcher went over every outbox twice", 180_000);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var database = Path.Combine(DataDirectory, "spoc.db");
        if (_template is not null && !File.Exists(database))
        {
            CopyDatabase(_template, database);
        }

        var settings = new Dictionary<string, string?>
        {
            ["Spoc:DataDirectory"] = DataDirectory,
            ["Database:Provider"] = "Sqlite",
            ["Database:ThreadSafetyChecks"] = "true",
            ["Seed:Demo"] = "false",
            ["Auth:SigningKey"] = Convert.ToBase64String(SigningKey),
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
            ["Outbox:PollingInterval"] = "00:00:00.100",
            ["Outbox:RetryBaseDelay"] = "00:00:00.200",
            ["RateLimiting:TokenPermitsPerIp"] = "10000",
            ["RateLimiting:TokenPermitsPerAccount"] = "10000",
            ["RateLimiting:TokenPermitsPerAccountAndIp"] = "10000",
            ["RateLimiting:ApiPermitsPerCaller"] = "100000",
            ["RateLimiting:PreviewPermitsPerCaller"] = "100000",
            ["RateLimiting:FeedPermitsPerToken"] = "100000",
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
            // Recorded for assertions, and also delivered for real by the configured sender (MimeKit: .eml files in the
            // data directory's mail/ folder, or SMTP when Email:Smtp:Host is set).
            var delivery = services.Last(d => d.ServiceType == typeof(IEmailSender)).ImplementationType!;
            services.AddSingleton<IEmailSender>(sp => Emails.DeliveringTo((IEmailSender)ActivatorUtilities.CreateInstance(sp, delivery)));
            services.AddSingleton<IStartupFilter, PeerAddressFromHeader>();
            services.AddSingleton<IInterceptor>(Queries);
            services.AddSingleton<IStartupFilter>(Queries);
            ProblemDeclarationGuard.Install(services, ForgottenDeclaration);
            if (Clock is not null)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }
        });
    }
}

/// <summary>Records every message; can be told to fail the next N sends to exercise outbox retries.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    /// <summary>Who awaits which next mail, across factories (addresses are unique per test).</summary>
    private static readonly ConcurrentDictionary<TaskCompletionSource<EmailMessage>, (string To, Func<EmailMessage, bool> Matches)> Awaited = new();

    private int _failuresLeft;

    /// <summary>The next mail to <paramref name="email"/> that <paramref name="matches"/>, sent by any factory within 10 s; ask before the request that sends it.</summary>
    public static Task<EmailMessage> Next(string email, Func<EmailMessage, bool> matches)
    {
        var waiter = new TaskCompletionSource<EmailMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        Awaited[waiter] = (email, matches);
        return waiter.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>The next registration mail: a verification link, or the sign-in link of "welcome" and "you already have an account".</summary>
    public static Task<EmailMessage> NextRegistrationMailTo(string email) =>
        Next(email, m => VerificationToken(m) is not null || m.Body.Contains("/sign-in", StringComparison.Ordinal));

    /// <summary>The token of an email verification link, if the mail holds one.</summary>
    public static string? VerificationToken(EmailMessage message) =>
        System.Text.RegularExpressions.Regex.Match(message.Body, @"/verify-email\?token=([A-Za-z0-9_-]+)") is { Success: true } match ? match.Groups[1].Value : null;

    public ConcurrentQueue<EmailMessage> Sent { get; } = new();

    private int _attempts;

    private IEmailSender? _delivery;

    public int Attempts => _attempts;

    internal RecordingEmailSender DeliveringTo(IEmailSender delivery)
    {
        _delivery = delivery;
        return this;
    }

    public void FailNext(int times) => _failuresLeft = times;

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        Interlocked.Increment(ref _attempts);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new IOException("SMTP relay unavailable (simulated)");
        }

        if (_delivery is not null)
        {
            await _delivery.SendAsync(message, ct);
        }

        Sent.Enqueue(message);
        foreach (var (waiter, awaited) in Awaited)
        {
            if (string.Equals(awaited.To, message.To, StringComparison.OrdinalIgnoreCase) && awaited.Matches(message) && Awaited.TryRemove(waiter, out _))
            {
                waiter.TrySetResult(message);
            }
        }
    }
}

/// <summary>
/// Lets a test choose the client address TestServer leaves empty: <c>X-Test-Peer</c> becomes the connection's remote
/// address, before anything else runs (forwarded headers included), as a real peer's would be.
/// </summary>
internal sealed class PeerAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer))
            {
                context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(peer.ToString());
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>
/// Counts the SQL commands requests run (<see cref="Count"/>: reads and writes), so tests can show that a request's query count does not grow
/// with the data. Background work (the outbox dispatcher and the event handlers it runs) is left out of the count: it is not
/// part of any request, and counting it made a count depend on when an earlier request's events were handled. The dispatcher's polls are counted
/// apart (<see cref="OutboxPolls"/>: the only outbox query that filters on the next attempt) to know when it has looked.
/// </summary>
public sealed class QueryCounter : DbCommandInterceptor, IStartupFilter
{
    /// <summary>Set by the outermost middleware; flows into everything the request awaits, not into background services.</summary>
    private static readonly AsyncLocal<bool> InRequest = new();

    private int _count;

    private int _outboxPolls;

    /// <summary>Never 0: a count of nothing would make "the same at 10 and at 200" pass without measuring anything.</summary>
    public int Count => _count > 0 ? _count : throw new InvalidOperationException("No statement was counted in a request since the last Reset.");

    public int OutboxPolls => _outboxPolls;

    /// <summary>Every statement since the last <see cref="Reset"/> (start-up and background ones too), with its parameter names (for query plans).</summary>
    public ConcurrentQueue<(string Sql, string[] Parameters)> Statements { get; } = new();

    private IFusionCache? _cache;

    /// <summary>
    /// Counts from here. A count starts cold by default: Platform's cache of who people are (ADR 0056) is emptied, so that
    /// a count is the request's worst case and does not depend on which people earlier requests happened to ask about.
    /// </summary>
    public void Reset(bool coldCache = true)
    {
        if (coldCache)
        {
            _cache?.Clear(allowFailSafe: false);
        }

        Interlocked.Exchange(ref _count, 0);
        Statements.Clear();
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    /// <summary>Writes count too (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, raw SQL): a statement is a statement.</summary>
    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Record(DbCommand command)
    {
        if (command.CommandText.Contains("NextAttemptAt", StringComparison.Ordinal) && command.CommandText.StartsWith("SELECT", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _outboxPolls);
        }
        else if (!command.CommandText.Contains("Outbox\"", StringComparison.Ordinal) && !command.CommandText.Contains("Inbox\"", StringComparison.Ordinal))
        {
            if (InRequest.Value)
            {
                Interlocked.Increment(ref _count);
            }

            Statements.Enqueue((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => p.ParameterName)]));
        }
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        _cache = app.ApplicationServices.GetRequiredService<IFusionCache>();
        app.Use((context, nextMiddleware) =>
        {
            InRequest.Value = true;
            return nextMiddleware(context);
        });
        next(app);
    };
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
            sink.Enqueue($"{category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
    }
}
