using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;

namespace Spoc.SharedKernel.Http;

/// <summary>
/// Strong ETags: <c>"{version}"</c>, or <c>"{version}-{digest}"</c> for a representation whose content also depends on
/// things the version does not track (seat counts, the caller's role...). <c>If-Match</c> checks the version part, the
/// writer's concern; <c>If-None-Match</c> compares whole tags, so a 304 is only ever sent for the same content.
/// </summary>
public static class ETags
{
    private const int VersionLength = 32;

    public static string Of(Guid version) => $"\"{version:N}\"";

    public static string Of(Guid version, ReadOnlySpan<byte> representation) =>
        $"\"{version:N}-{Convert.ToHexStringLower(SHA256.HashData(representation), 0, 8)}\"";

    /// <summary>No <c>If-Match</c> means "update whatever is there"; a stale one means the caller's copy is outdated.</summary>
    public static void EnsureMatches(string? ifMatch, Guid version)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*")
        {
            return;
        }

        var current = version.ToString("N");
        var matches = ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => VersionOf(tag) == current); // If-Match uses strong comparison: a weak tag never matches
        if (!matches)
        {
            throw ProblemException.PreconditionFailed();
        }
    }

    /// <summary>The versions an <c>If-Match</c> names, for a conditional write in SQL; null when it sets no condition (absent or <c>*</c>).</summary>
    public static IReadOnlyList<Guid>? VersionsIn(string? ifMatch) =>
        string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*"
            ? null
            : [.. ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(tag => Guid.TryParseExact(VersionOf(tag), "N", out var version) ? version : Guid.Empty)];

    /// <summary><c>If-None-Match</c> uses weak comparison (RFC 9110 §13.1.2): <c>W/"x"</c> matches <c>"x"</c>, and <c>*</c> matches any tag.</summary>
    public static bool NoneMatchFails(string? ifNoneMatch, string etag) =>
        !string.IsNullOrWhiteSpace(ifNoneMatch)
        && ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || Opaque(tag) == Opaque(etag));

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;

    private static string? VersionOf(string tag) =>
        tag.Length > VersionLength + 1 && tag[0] == '"' && tag[^1] == '"' && (tag.Length == VersionLength + 2 || tag[VersionLength + 1] == '-')
            ? tag.Substring(1, VersionLength)
            : null;
}

/// <summary>
/// On every API endpoint: a response whose value is <see cref="IVersioned"/> carries its <c>ETag</c> (its version and a digest
/// of the JSON sent), and a GET whose <c>ETag</c> matches the caller's <c>If-None-Match</c> answers 304 with that tag and no body.
/// A plain 200 sends the JSON it digested rather than serialising its value a second time; other results (a 201 and its
/// <c>Location</c>...) write themselves.
/// </summary>
public sealed class ConditionalRequests : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (result is IValueHttpResult { Value: IVersioned versioned } and IStatusCodeHttpResult { StatusCode: null or (>= 200 and < 300) })
        {
            var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var body = JsonSerializer.SerializeToUtf8Bytes(versioned, versioned.GetType(), json);
            http.Response.Headers.ETag = ETags.Of(versioned.Version, body);
            if (result.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(Ok<>))
            {
                result = TypedResults.Bytes(body, "application/json; charset=utf-8");
            }
        }

        var etag = http.Response.Headers.ETag.ToString();
        return (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && etag.Length > 0
            && ETags.NoneMatchFails(http.Request.Headers.IfNoneMatch, etag)
                ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
                : result;
    }
}
