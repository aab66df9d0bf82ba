using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Spoc.Api.Infrastructure;

/// <summary>
/// <c>/health/ready</c> for a load balancer: 200 when every dependency tagged <c>ready</c> answers (the database takes a
/// write; Redis and blob storage when configured), 503 otherwise. The body names each dependency and its state, so an
/// operator sees which one failed; it never carries the reason (exceptions, hosts), which stays in the log.
/// </summary>
internal static class Readiness
{
    public const string Tag = "ready";

    public static HealthCheckOptions Options { get; } = new()
    {
        Predicate = check => check.Tags.Contains(Tag),
        ResponseWriter = async (context, report) =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.CacheControl = "no-store";
            await JsonSerializer.SerializeAsync(context.Response.Body, new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
            }, cancellationToken: context.RequestAborted);
        },
    };
}
