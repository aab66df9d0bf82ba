using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Spoc.SharedKernel.Problems;
using Swashbuckle.AspNetCore.Swagger;

namespace Spoc.Api.Tests.Infrastructure;

/// <summary>
/// Proof that the OpenAPI document tells integrators the truth about errors: every problem+json answer the suite provokes must
/// be declared by its operation: the status among its responses, whose description names the slug, and the <c>type</c> in its
/// <c>x-problem-types</c>. An undeclared one becomes a 500 <c>undeclared-problem-type</c> naming the operation, status and slug,
/// so the test that provoked it fails on the spot; it is also recorded, and the run fails at its end if any was (a test that only
/// checks "not 2xx" would otherwise let it pass).
/// </summary>
internal static partial class ProblemDeclarationGuard
{
    public const string Slug = "undeclared-problem-type";

    /// <summary>Every undeclared answer of the run, but those of a factory told to forget a declaration on purpose.</summary>
    public static ConcurrentQueue<string> Undeclared { get; } = new();

    /// <summary>operationId → status → the slugs its response declares (read once: every factory serves the same document).</summary>
    private static Dictionary<string, Dictionary<int, HashSet<string>>>? _declared;

    [GeneratedRegex("`([a-z]+(?:-[a-z]+)*)`")]
    private static partial Regex BacktickedSlug();

    /// <param name="forgotten">Pretends this operation does not declare this slug: how a test shows the guard catches a missing declaration.</param>
    public static void Install(IServiceCollection services, (string Operation, string Slug)? forgotten) =>
        services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var customize = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                customize?.Invoke(context);
                Check(context, forgotten);
            };
        });

    private static void Check(ProblemDetailsContext context, (string Operation, string Slug)? forgotten)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        // The exception handler clears the endpoint before writing; its feature keeps the one that threw.
        var endpoint = http.GetEndpoint() ?? http.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        var operation = endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        var declared = LazyInitializer.EnsureInitialized(ref _declared, () => Read(http.RequestServices));
        if (operation is null || !declared.TryGetValue(operation, out var responses) || problem.Type?.StartsWith(ProblemTypes.BaseUri, StringComparison.Ordinal) != true)
        {
            return; // not an operation of the document (unmatched route, 405, health, SPA)
        }

        var slug = problem.Type[ProblemTypes.BaseUri.Length..];
        var status = problem.Status ?? http.Response.StatusCode;
        if (responses.TryGetValue(status, out var slugs) && slugs.Contains(slug) && forgotten != (operation, slug))
        {
            return;
        }

        var message = $"{operation} answered {status} {slug}, which its OpenAPI operation does not declare: "
            + "add it to the endpoint's .Problems(...), or to the conventions in OpenApi.cs if the pipeline writes it.";
        if (forgotten is null)
        {
            Undeclared.Enqueue(message);
        }

        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        problem.Status = StatusCodes.Status500InternalServerError;
        problem.Type = ProblemTypes.For(Slug);
        problem.Title = "Undeclared problem type";
        problem.Detail = message;
    }

    private static Dictionary<string, Dictionary<int, HashSet<string>>> Read(IServiceProvider services)
    {
        var document = services.GetRequiredService<ISwaggerProvider>().GetSwagger("v1");
        return document.Paths.Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .ToDictionary(o => o.OperationId!, o =>
            {
                var types = o.Extensions?.TryGetValue("x-problem-types", out var extension) == true && extension is JsonNodeExtension { Node: JsonArray list }
                    ? list.Select(t => t!.GetValue<string>()).ToHashSet(StringComparer.Ordinal)
                    : [];
                return (o.Responses ?? []).Where(r => int.Parse(r.Key, CultureInfo.InvariantCulture) >= 400).ToDictionary(
                    r => int.Parse(r.Key, CultureInfo.InvariantCulture),
                    r => BacktickedSlug().Matches(r.Value.Description ?? "").Select(m => m.Groups[1].Value)
                        .Where(s => types.Contains(ProblemTypes.For(s))).ToHashSet(StringComparer.Ordinal));
            });
    }
}

/// <summary>Fails the run when any test provoked a problem its operation does not declare (see <see cref="ProblemDeclarationGuard"/>).</summary>
[SetUpFixture]
public sealed class ProblemDeclarationCheck
{
    [OneTimeTearDown]
    public void No_problem_answered_was_undeclared() =>
        Assert.That(ProblemDeclarationGuard.Undeclared.Distinct(), Is.Empty, "problem types answered but not declared in the OpenAPI document");
}
