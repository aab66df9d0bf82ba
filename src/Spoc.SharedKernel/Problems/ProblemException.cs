namespace Spoc.SharedKernel.Problems;

/// <summary>
/// A failure the caller can act on, turned into RFC 9457 problem+json by the host.
/// <see cref="Slug"/> is the stable part of the <c>type</c> URI that integrators code against; each one is a
/// <see cref="ProblemType"/> of a catalogue, thrown with <see cref="ProblemType.Exception"/>.
/// </summary>
public sealed class ProblemException(int status, string slug, string title, string? detail = null) : Exception(detail ?? title)
{
    public int Status { get; } = status;
    public string Slug { get; } = slug;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Members written beside the standard ones (RFC 9457 §3.2), for what a client acts on (the criteria a learner misses).</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>Unknown, or not visible to the caller: the two are indistinguishable on purpose.</summary>
    public static ProblemException NotFound(string what) => ProblemType.NotFound.Exception(what);

    public static ProblemException Forbidden(string detail) => ProblemType.Forbidden.Exception(detail);

    public static ProblemException PreconditionFailed() => ProblemType.PreconditionFailed.Exception();

    /// <summary>The same problem, telling the caller when to retry (the host writes it as <c>Retry-After</c>).</summary>
    public ProblemException RetryingAfter(TimeSpan wait) => new(Status, Slug, Title, Detail) { RetryAfter = wait, Extensions = Extensions };

    /// <summary>The same problem with one more member in its body.</summary>
    public ProblemException With(string name, object? value) =>
        new(Status, Slug, Title, Detail) { RetryAfter = RetryAfter, Extensions = new Dictionary<string, object?>(Extensions ?? new Dictionary<string, object?>()) { [name] = value } };
}
