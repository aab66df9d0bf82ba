using Microsoft.AspNetCore.Http;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;

namespace Spoc.SharedKernel.Http;

/// <summary>Strong ETags derived from an entity's concurrency token, and the <c>If-Match</c> check (412 on mismatch).</summary>
public static class ETags
{
    public static string Of(Guid version) => $"\"{version:N}\"";

    /// <summary>No <c>If-Match</c> means "update whatever is there"; a stale one means the caller's copy is outdated.</summary>
    public static void EnsureMatches(string? ifMatch, Guid version)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*")
        {
            return;
        }

        var current = Of(version);
        var matches = ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Contains(current); // If-Match uses strong comparison: a weak tag never matches
        if (!matches)
        {
            throw ProblemException.PreconditionFailed();
        }
    }

    /// <summary><c>If-None-Match</c> uses weak comparison (RFC 9110 §13.1.2): <c>W/"x"</c> matches <c>"x"</c>, and <c>*</c> matches any tag.</summary>
    public static bool NoneMatchFails(string? ifNoneMatch, string etag) =>
        !string.IsNullOrWhiteSpace(ifNoneMatch)
        && ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || Opaque(tag) == Opaque(etag));

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}

/// <summary>
/// On every API endpoint: a response whose value is <see cref="IVersioned"/> carries its <c>ETag</c>, and a GET whose
/// <c>ETag</c> matches the caller's <c>If-None-Match</c> answers 304 with that tag and no body.
/// </summary>
public sealed class ConditionalRequests : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (result is IValueHttpResult { Value: IVersioned versioned } and IStatusCodeHttpResult { StatusCode: null or (>= 200 and < 300) })
        {
            http.Response.Headers.ETag = ETags.Of(versioned.Version);
        }

        var etag = http.Response.Headers.ETag.ToString();
        return (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && etag.Length > 0
            && ETags.NoneMatchFails(http.Request.Headers.IfNoneMatch, etag)
                ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
                : result;
    }
}
