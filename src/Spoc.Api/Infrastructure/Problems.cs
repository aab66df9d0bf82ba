using Spoc.SharedKernel.Problems;

namespace Spoc.Api.Infrastructure;

internal static class Problems
{
    // Responses written without a body (unmatched route, 401 challenge, 405...) still get a stable type.
    private static readonly Dictionary<int, (string Slug, string Title)> ByStatus = new()
    {
        [400] = ("malformed-request", "Bad request"),
        [401] = ("unauthorized", "Authentication required"),
        [403] = ("forbidden", "Forbidden"),
        [404] = ("not-found", "Not found"),
        [405] = ("method-not-allowed", "Method not allowed"),
        [406] = ("not-acceptable", "Not acceptable"),
        [409] = ("conflict", "Conflict"),
        [412] = ("precondition-failed", "Precondition failed"),
        [413] = ("payload-too-large", "Request body too large"),
        [415] = ("unsupported-media-type", "Unsupported media type"),
        [429] = ("too-many-requests", "Too many requests"),
        [500] = ("internal-error", "Internal server error"),
    };

    public static IServiceCollection AddSpocProblems(this IServiceCollection services) =>
        services
            .AddExceptionHandler<ProblemExceptionHandler>()
            .AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            {
                var problem = context.ProblemDetails;
                var status = problem.Status ?? context.HttpContext.Response.StatusCode;
                if (problem.Type is null || !problem.Type.StartsWith(ProblemTypes.BaseUri, StringComparison.Ordinal))
                {
                    var (slug, title) = ByStatus.TryGetValue(status, out var known) ? known : ("error", "Error");
                    problem.Type = ProblemTypes.For(slug);
                    problem.Title = title;
                }

                problem.Instance ??= context.HttpContext.Request.Path;
                problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            });
}
