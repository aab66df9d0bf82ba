using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Scheduling;
using Spoc.SharedKernel.Security;

namespace Spoc.SharedKernel.Http;

/// <summary>
/// The first response to a POST carrying an <c>Idempotency-Key</c>, kept to be replayed. Only the key's SHA-256 is stored,
/// and the response (body and replayed headers) is sealed with AES-GCM under a key derived from the client's key: whoever
/// reads the table learns nothing of tokens or secrets the response carried.
/// </summary>
public sealed class IdempotencyRecord
{
    public string Scope { get; set; } = "";

    /// <summary>SHA-256 (hex) of the client's Idempotency-Key, never the key itself.</summary>
    public string Key { get; set; } = "";

    public string RequestHash { get; set; } = "";
    public bool Completed { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }

    /// <summary>Nonce, tag and ciphertext of the response's body and replayed headers.</summary>
    public byte[]? Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class KernelDbContext(DbContextOptions<KernelDbContext> options) : DbContext(options), IHasScheduledRuns
{
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<ScheduledRun> ScheduledRuns => Set<ScheduledRun>();

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
            b.HasIndex(r => r.CreatedAt);
        });
        ScheduledRun.Map(modelBuilder, "Kernel");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModuleDbContext.UseSortableTimes(configurationBuilder, Database);
}

/// <summary>How long an endpoint's responses may be replayed, when shorter than the default 24 h (responses carrying tokens).</summary>
public sealed record IdempotencyWindow(TimeSpan Duration);

/// <summary>
/// <c>Idempotency-Key</c> on POST: the same key and body within 24 h (or the endpoint's <see cref="IdempotencyWindow"/>)
/// replays the first response, with its <c>Location</c>, <c>ETag</c> and cookies, and runs nothing; the same key with
/// another body is 422. Bodies are compared as JSON (key order and whitespace do not matter). Keys are scoped to the
/// caller and the route. Only successful responses are kept, so a request that failed may be retried with its key.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    internal static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    // A key still "in progress" after this long belongs to a request whose process died: it may be retried.
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    private static readonly string[] ReplayedHeaders = [HeaderNames.Location, HeaderNames.ETag, HeaderNames.SetCookie];

    // The DbContext is resolved only for a POST that carries a key: taken as an InvokeAsync parameter, it was built for
    // every API request, GETs included (38% of the CPU of an authenticated 404, see docs/performance.md).
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > 100)
        {
            throw InvalidKey.Exception();
        }

        var caller = context.User.FindFirstValue("sub") ?? "anonymous";
        var scope = $"{caller} {context.Request.Path.Value?.ToLowerInvariant()}";
        var keyHash = SecretTokens.Hash(key);
        var hash = await HashRequestAsync(context.Request);
        var now = clock.GetUtcNow();
        var window = context.GetEndpoint()?.Metadata.GetMetadata<IdempotencyWindow>()?.Duration ?? Retention;
        var db = context.RequestServices.GetRequiredService<KernelDbContext>();

        var existing = await db.IdempotencyRecords.FirstOrDefaultAsync(r => r.Scope == scope && r.Key == keyHash, context.RequestAborted);
        if (existing is not null && existing.CreatedAt > now - window && (existing.Completed || existing.CreatedAt > now - Abandoned))
        {
            await ReplayOrRejectAsync(context, existing, hash, key);
            return;
        }

        if (existing is not null)
        {
            db.IdempotencyRecords.Remove(existing);
        }

        var record = new IdempotencyRecord { Scope = scope, Key = keyHash, RequestHash = hash, CreatedAt = now };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another request with this key got its row in first; an outage is not that, and stays a 503.
            throw InProgress.Exception();
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
            var headers = ReplayedHeaders.Where(context.Response.Headers.ContainsKey)
                .ToDictionary(h => h, h => context.Response.Headers[h].ToArray());
            record.Body = SealedResponse.Seal(key, record, new SealedResponse(headers, buffer.ToArray()));
        }
        else
        {
            db.IdempotencyRecords.Remove(record);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task ReplayOrRejectAsync(HttpContext context, IdempotencyRecord existing, string hash, string key)
    {
        if (existing.RequestHash != hash)
        {
            throw KeyReused.Exception();
        }

        if (!existing.Completed)
        {
            throw InProgress.Exception();
        }

        var response = SealedResponse.Open(key, existing);
        context.Response.StatusCode = existing.StatusCode;
        context.Response.ContentType = existing.ContentType;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.Headers[ReplayedHeader] = "true";
        if (response.Body is { Length: > 0 } body)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>The problems any POST can answer through this middleware (the OpenAPI conventions declare them on every POST).</summary>
    public static readonly ProblemType InvalidKey =
        new(400, "invalid-idempotency-key", "Invalid Idempotency-Key", "Idempotency-Key must be 1 to 100 characters, a UUID is recommended.");

    public static readonly ProblemType KeyReused =
        new(422, "idempotency-key-reused", "Idempotency-Key reused", "This Idempotency-Key was already used with a different request body.");

    public static readonly ProblemType InProgress =
        new(409, "idempotency-request-in-progress", "Request in progress", "A request with this Idempotency-Key is still being processed; retry later.");

    /// <summary>
    /// What makes two POSTs to one route the same request: the query string, the body (JSON canonicalised: keys sorted,
    /// whitespace dropped) and the session cookie, so that one key replays a refresh only for the same refresh token.
    /// </summary>
    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        await using var raw = new MemoryStream();
        await request.Body.CopyToAsync(raw, request.HttpContext.RequestAborted);
        request.Body.Position = 0;

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(request.QueryString.Value + "\n"));
        hash.AppendData(Encoding.UTF8.GetBytes(SecretTokens.Hash(request.Cookies[SessionCookie.Name] ?? "") + "\n"));
        hash.AppendData(CanonicalJson(raw.ToArray()));
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The JSON with every object's keys in ordinal order and no whitespace; anything that is not JSON, as sent.</summary>
    internal static byte[] CanonicalJson(byte[] body)
    {
        JsonNode? node;
        try
        {
            node = body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return body;
        }

        using var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output))
        {
            Write(writer, node);
        }

        return output.ToArray();

        static void Write(Utf8JsonWriter writer, JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    writer.WriteStartObject();
                    foreach (var (name, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        writer.WritePropertyName(name);
                        Write(writer, value);
                    }

                    writer.WriteEndObject();
                    break;
                case JsonArray a:
                    writer.WriteStartArray();
                    foreach (var item in a)
                    {
                        Write(writer, item);
                    }

                    writer.WriteEndArray();
                    break;
                case null:
                    writer.WriteNullValue();
                    break;
                default:
                    node.WriteTo(writer);
                    break;
            }
        }
    }
}

/// <summary>A kept response, sealed under a key only the client holds (derived from its Idempotency-Key) and bound to its record.</summary>
internal sealed record SealedResponse(Dictionary<string, string?[]> Headers, byte[] Body)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] Seal(string idempotencyKey, IdempotencyRecord record, SealedResponse response)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(response);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(KeyOf(idempotencyKey, record), TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Bound(record));
        return sealedBytes;
    }

    public static SealedResponse Open(string idempotencyKey, IdempotencyRecord record)
    {
        var sealedBytes = record.Body ?? throw new InvalidOperationException("A completed idempotency record has a body.");
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(KeyOf(idempotencyKey, record), TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain, Bound(record));
        return JsonSerializer.Deserialize<SealedResponse>(plain)!;
    }

    private static byte[] KeyOf(string idempotencyKey, IdempotencyRecord record) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(idempotencyKey), 32, Encoding.UTF8.GetBytes(record.Scope), "spoc idempotent response"u8.ToArray());

    /// <summary>Authenticated with the record's scope, request and status, so a sealed body cannot be moved to another record.</summary>
    private static byte[] Bound(IdempotencyRecord record) =>
        Encoding.UTF8.GetBytes($"{record.Scope}\n{record.RequestHash}\n{record.StatusCode}\n{record.ContentType}");
}

/// <summary>Deletes kept responses once their 24 hours are over, every hour, on one instance (ADR 0051).</summary>
public sealed class IdempotencyJanitor(
    IServiceScopeFactory scopes, LeaseHolder holder, IOptions<SchedulingOptions> scheduling, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<IdempotencyJanitor> logger)
    : ScheduledJob<KernelDbContext>(scopes, holder, scheduling, clock, lifetime, logger)
{
    protected override string Job => "Kernel.IdempotencyJanitor";

    protected override TimeSpan Period => TimeSpan.FromHours(1);

    /// <summary>Expired keys can wait: the first sweep a minute after start, so it never races start-up or its first requests.</summary>
    protected override TimeSpan FirstRunAfter => TimeSpan.FromMinutes(1);

    protected override async Task RunAsync(CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var cutoff = Clock.GetUtcNow() - IdempotencyMiddleware.Retention;
        await scope.ServiceProvider.GetRequiredService<KernelDbContext>().IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
