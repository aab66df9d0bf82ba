using System.Globalization;

namespace Spoc.SharedKernel.Problems;

/// <summary>
/// One problem type: its status, its stable <see cref="Slug"/> (the end of the <c>type</c> URI integrators code against),
/// its title and the template of its detail, written once in a catalogue (the kernel's below, one per module, the host's).
/// Handlers throw it with <see cref="Exception"/>; endpoints declare the ones they can answer with <c>.Problems(...)</c>,
/// which the OpenAPI document lists as the operation's responses and its <c>x-problem-types</c>.
/// </summary>
/// <param name="Status">The HTTP status it is answered with.</param>
/// <param name="Slug">The stable end of the <c>type</c> URI.</param>
/// <param name="Title">The short human summary (clients never parse it).</param>
/// <param name="Detail">A composite format (<c>{0}</c>...) filled by <see cref="Exception"/>; null for no detail.</param>
public sealed record ProblemType(int Status, string Slug, string Title, string? Detail = null)
{
    /// <summary>Unknown, or not visible to the caller: the two are indistinguishable on purpose. {0}: what ("This cohort").</summary>
    public static readonly ProblemType NotFound = new(404, "not-found", "Not found", "{0} does not exist or is not visible to you.");

    /// <summary>The caller sees the resource but may not do this. {0}: why.</summary>
    public static readonly ProblemType Forbidden = new(403, "forbidden", "Forbidden", "{0}");

    public static readonly ProblemType PreconditionFailed =
        new(412, "precondition-failed", "Precondition failed", "The resource changed since you read it (If-Match does not match its ETag).");

    /// <summary>The host's rate limit, and a module's own limits with their own title and detail (sign-in attempts).</summary>
    public static readonly ProblemType TooManyRequests = new(429, "too-many-requests", "Too many requests", "Slow down and retry after the delay given in Retry-After.");

    /// <summary>The host's body limit, and a module's own size limits with their own title and detail (uploads).</summary>
    public static readonly ProblemType PayloadTooLarge = new(413, "payload-too-large", "Request body too large", "The request body exceeds the allowed size.");

    /// <summary>The full <c>type</c> URI written in the problem+json body.</summary>
    public string Uri => ProblemTypes.For(Slug);

    public ProblemException Exception(params object?[] args) =>
        new(Status, Slug, Title, Detail is null ? null : string.Format(CultureInfo.InvariantCulture, Detail, args));
}
