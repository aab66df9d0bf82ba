using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;

namespace Spoc.SharedKernel.Http;

/// <summary>The first response to a POST carrying an <c>Idempotency-Key</c>, kept 24 hours to be replayed.</summary>
public sealed class IdempotencyRecord
{
    public string Scope { get; set; } = "";
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public bool Completed { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[]? Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class KernelDbContext(DbContextOptions<KernelDbContext> options) : DbContext(options)
{
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ModuleDbContext.UseSchema(modelBuilder, Database, "kernel");
        modelBuilder.Entity<IdempotencyRecord>(b =>
        {
            b.ToTable("IdempotencyRecords");
            b.HasKey(r => new { r.Scope, r.Key });
            b.Property(r => r.Scope).HasMaxLength(300);
            b.Property(r => r.Key).HasMaxLength(100);
            b.Property(r => r.RequestHash).HasMaxLength(64);
            b.Property(r => r.ContentType).HasMaxLength(200);
            b.Property(r => r.Location).HasMaxLength(2000);
            b.HasIndex(r => r.CreatedAt);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModuleDbContext.UseSortableTimes(configurationBuilder, Database);
}

/// <summary>
/// <c>Idempotency-Key</c> on POST: the same key and body within 24 h replays the first response and runs nothing;
/// the same key with another body is 422. Keys are scoped to the caller and the route. Only successful
/// responses are kept, so a request that failed may be retried with its key.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    internal static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    // A key still "in progress" after this long belongs to a request whose process died: it may be retried.
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    public async Task InvokeAsync(HttpContext context, KernelDbContext db)
    {
        // Sign-in and refresh answer with tokens: never keep them, not even hashed by the key; those calls are safe to repeat anyway.
        if (!HttpMethods.IsPost(context.Request.Method)
            || context.Request.Path.StartsWithSegments("/api/v1/auth", StringComparison.OrdinalIgnoreCase)
            || !context.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > 100)
        {
            throw new ProblemException(400, "invalid-idempotency-key", "Invalid Idempotency-Key", "Idempotency-Key must be 1 to 100 characters, a UUID is recommended.");
        }

        var caller = context.User.FindFirstValue("sub") ?? "anonymous";
        var scope = $"{caller} {context.Request.Path.Value?.ToLowerInvariant()}";
        var hash = await HashRequestAsync(context.Request);
        var now = clock.GetUtcNow();

        var existing = await db.IdempotencyRecords.FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, context.RequestAborted);
        if (existing is not null && existing.CreatedAt > now - Retention && (existing.Completed || existing.CreatedAt > now - Abandoned))
        {
            await ReplayOrRejectAsync(context, existing, hash);
            return;
        }

        if (existing is not null)
        {
            db.IdempotencyRecords.Remove(existing);
        }

        var record = new IdempotencyRecord { Scope = scope, Key = key, RequestHash = hash, CreatedAt = now };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (DbUpdateException)
        {
            throw InProgress();
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            context.Response.Body = original;
            db.IdempotencyRecords.Remove(record);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        context.Response.Body = original;
        if (context.Response.StatusCode is >= 200 and < 300)
        {
            record.Completed = true;
            record.StatusCode = context.Response.StatusCode;
            record.ContentType = context.Response.ContentType;
            record.Location = context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
            record.Body = buffer.ToArray();
        }
        else
        {
            db.IdempotencyRecords.Remove(record);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task ReplayOrRejectAsync(HttpContext context, IdempotencyRecord existing, string hash)
    {
        if (existing.RequestHash != hash)
        {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                "This Idempotency-Key was already used with a different request body.");
        }

        if (!existing.Completed)
        {
            throw InProgress();
        }

        context.Response.StatusCode = existing.StatusCode;
        context.Response.ContentType = existing.ContentType;
        if (existing.Location is not null)
        {
            context.Response.Headers.Location = existing.Location;
        }

        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (existing.Body is { Length: > 0 } body)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private static ProblemException InProgress() =>
        new(409, "idempotency-request-in-progress", "Request in progress", "A request with this Idempotency-Key is still being processed; retry later.");

    /// <summary>The query string and the body: what makes two POSTs to one route the same request.</summary>
    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(request.QueryString.Value + "\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}

/// <summary>Deletes kept responses once their 24 hours are over, every hour.</summary>
public sealed class IdempotencyJanitor(IServiceScopeFactory scopes, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var cutoff = clock.GetUtcNow() - IdempotencyMiddleware.Retention;
            await scope.ServiceProvider.GetRequiredService<KernelDbContext>().IdempotencyRecords
                .Where(r => r.CreatedAt < cutoff)
                .ExecuteDeleteAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
