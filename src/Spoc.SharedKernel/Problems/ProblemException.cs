namespace Spoc.SharedKernel.Problems;

/// <summary>
/// A failure the caller can act on, turned into RFC 9457 problem+json by the host.
/// <see cref="Slug"/> is the stable part of the <c>type</c> URI that integrators code against.
/// </summary>
public sealed class ProblemException(int status, string slug, string title, string? detail = null) : Exception(detail ?? title)
{
    public int Status { get; } = status;
    public string Slug { get; } = slug;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Unknown, or not visible to the caller: the two are indistinguishable on purpose.</summary>
    public static ProblemException NotFound(string what) =>
        new(404, "not-found", "Not found", $"{what} does not exist or is not visible to you.");

    public static ProblemException Forbidden(string detail) => new(403, "forbidden", "Forbidden", detail);

    public static ProblemException Conflict(string slug, string title, string? detail = null) => new(409, slug, title, detail);

    public static ProblemException PreconditionFailed() =>
        new(412, "precondition-failed", "Precondition failed", "The resource changed since you read it (If-Match does not match its ETag).");

    public static ProblemException Unauthorized(string slug, string title) => new(401, slug, title);
}
