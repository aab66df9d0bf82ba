using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Spoc.SharedKernel.Problems;

namespace Spoc.Api.Infrastructure;

/// <summary>
/// The one place where failures become RFC 9457 problem+json. Known failures keep a stable <c>type</c>;
/// anything else is a 500 that says nothing of the internals (the trace id links it to the log).
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ProblemException p => WithRetryAfter(httpContext, p, WithExtensions(p, Problem(p.Status, p.Slug, p.Title, p.Detail))),
            ValidationException v => Validation(v),
            BadHttpRequestException b => BadRequest(b),
            _ when DatabaseOutage.Handled(exception) => Outage(httpContext, exception),
            DbUpdateConcurrencyException => Problem(Problems.ConcurrencyConflict),
            DbUpdateException => Problem(Problems.Conflict),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(Problems.InternalError);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    internal static ProblemDetails Problem(int status, string slug, string title, string? detail) =>
        new() { Status = status, Type = ProblemTypes.For(slug), Title = title, Detail = detail };

    internal static ProblemDetails Problem(ProblemType type) => Problem(type.Status, type.Slug, type.Title, type.Detail);

    private static ProblemDetails WithExtensions(ProblemException exception, ProblemDetails problem)
    {
        foreach (var (name, value) in exception.Extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    private static ProblemDetails WithRetryAfter(HttpContext context, ProblemException exception, ProblemDetails problem)
    {
        if (exception.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return problem;
    }

    private static HttpValidationProblemDetails Validation(ValidationException exception)
    {
        var errors = exception.Errors
            .GroupBy(e => JsonPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        // A rule may name its own problem type (a kebab-case error code such as common-password): when it is the only
        // kind of failure, clients can react to it by type, and the field errors still say where.
        var codes = exception.Errors.Select(e => e.ErrorCode).Distinct().ToList();
        var slug = codes is [{ } code] && code.Contains('-') && code.All(c => char.IsAsciiLetterLower(c) || c == '-') ? code : Problems.ValidationFailed.Slug;
        return new HttpValidationProblemDetails(errors)
        {
            Status = Problems.ValidationFailed.Status,
            Type = ProblemTypes.For(slug),
            Title = Problems.ValidationFailed.Title,
            Detail = Problems.ValidationFailed.Detail,
        };
    }

    private ProblemDetails Outage(HttpContext context, Exception exception)
    {
        logger.LogError(exception, "Database unavailable on {Method} {Path}", context.Request.Method, context.Request.Path);
        context.Response.Headers.RetryAfter = ((int)DatabaseOutage.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problem(Problems.DatabaseUnavailable);
    }

    /// <summary>Malformed JSON, wrong types, unknown enum values, missing body, wrong content type, body too large.</summary>
    private static ProblemDetails BadRequest(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(ProblemType.PayloadTooLarge);
        }

        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return Problem(Problems.UnsupportedMediaType);
        }

        if (exception.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "$" : JsonPath(json.Path.TrimStart('$', '.'));
            return new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [json.Path is null ? "The body is not valid JSON." : "This value has the wrong type or format."],
            })
            {
                Status = 400,
                Type = Problems.MalformedRequest.Uri,
                Title = "The request body could not be read",
                Detail = "The body is not valid JSON, or a value has the wrong type or an unknown enum value.",
            };
        }

        return Problem(exception.StatusCode, Problems.MalformedRequest.Slug, Problems.MalformedRequest.Title, Problems.MalformedRequest.Detail);
    }

    /// <summary>"Members[0].Email" becomes "members[0].email", the JSON names the client sent.</summary>
    private static string JsonPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
