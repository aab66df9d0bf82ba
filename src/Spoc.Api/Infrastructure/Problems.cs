using Spoc.SharedKernel.Problems;

namespace Spoc.Api.Infrastructure;

/// <summary>
/// The host's problem types: what the pipeline itself answers (validation, bad requests, authentication, races, rate limits,
/// outages, crashes), each slug written once. The OpenAPI conventions declare them on the operations they can reach.
/// </summary>
internal static class Problems
{
    public static readonly ProblemType ValidationFailed = new(400, "validation-failed", "One or more fields are invalid", "See errors for the fields to correct.");

    public static readonly ProblemType MalformedRequest =
        new(400, "malformed-request", "Bad request", "The request is malformed: check the body, the query string and the route.");

    public static readonly ProblemType Unauthorized = new(401, "unauthorized", "Authentication required");

    /// <summary>An API client's token on a route that allows none of its scopes (ADR 0044); the detail names the scopes that would.</summary>
    public static readonly ProblemType InsufficientScope = new(403, "insufficient-scope", "Insufficient scope");

    public static readonly ProblemType MethodNotAllowed = new(405, "method-not-allowed", "Method not allowed");

    public static readonly ProblemType NotAcceptable = new(406, "not-acceptable", "Not acceptable");

    /// <summary>A unique index refused a row a concurrent request just wrote: a race lost, not a server fault.</summary>
    public static readonly ProblemType Conflict =
        new(409, "conflict", "Conflict", "This conflicts with a change made at the same time; read the resource again and retry.");

    public static readonly ProblemType ConcurrencyConflict =
        new(409, "concurrency-conflict", "Concurrent change", "Someone else changed this resource at the same time; read it again and retry.");

    public static readonly ProblemType UnsupportedMediaType = new(415, "unsupported-media-type", "Unsupported media type", "Send the body as application/json.");

    public static readonly ProblemType InternalError =
        new(500, "internal-error", "Internal server error", "Something went wrong on our side. Quote the trace id if you contact support.");

    public static readonly ProblemType DatabaseUnavailable = new(503, "database-unavailable", "Service temporarily unavailable",
        "The database cannot take this request right now; retry after the delay in Retry-After.");

    // Responses written without a body (unmatched route, 401 challenge, 405...) still get a stable type.
    private static readonly Dictionary<int, ProblemType> ByStatus = new ProblemType[]
    {
        MalformedRequest, Unauthorized, ProblemType.Forbidden, ProblemType.NotFound, MethodNotAllowed, NotAcceptable, Conflict,
        ProblemType.PreconditionFailed, ProblemType.PayloadTooLarge, UnsupportedMediaType, ProblemType.TooManyRequests, InternalError,
    }.ToDictionary(p => p.Status);

    public static IServiceCollection AddSpocProblems(this IServiceCollection services) =>
        services
            .AddExceptionHandler<ProblemExceptionHandler>()
            .AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            {
                var problem = context.ProblemDetails;
                var status = problem.Status ?? context.HttpContext.Response.StatusCode;
                if (problem.Type is null || !problem.Type.StartsWith(ProblemTypes.BaseUri, StringComparison.Ordinal))
                {
                    var (slug, title) = ByStatus.TryGetValue(status, out var known) ? (known.Slug, known.Title) : ("error", "Error");
                    problem.Type = ProblemTypes.For(slug);
                    problem.Title = title;
                }

                problem.Instance ??= context.HttpContext.Request.Path;
                problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            });
}
