using Microsoft.AspNetCore.Builder;
using Spoc.SharedKernel.Problems;

namespace Spoc.SharedKernel.Http;

/// <summary>
/// The problem types an endpoint's own code can answer (not found, forbidden, its business rules...), as endpoint metadata.
/// The pipeline's own (validation, authentication, idempotency, rate limit, outage...) are added by the OpenAPI conventions;
/// the API tests fail on any problem response whose type the operation does not declare.
/// </summary>
public sealed record DeclaredProblems(IReadOnlyList<ProblemType> Types);

public static class DeclaredProblemsExtensions
{
    /// <summary>Declares the problem types this endpoint can answer; the OpenAPI document lists them as its responses and <c>x-problem-types</c>.</summary>
    public static TBuilder Problems<TBuilder>(this TBuilder builder, params ProblemType[] types)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new DeclaredProblems(types));
}
