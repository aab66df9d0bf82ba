using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Spoc.Api.Infrastructure;

internal static class Telemetry
{
    /// <summary>
    /// Traces and metrics are collected when an OTLP endpoint is configured, and sent there. Without one they would leave
    /// the process nowhere, yet their instrumentation tagged an activity on every request (a fifth of the CPU of
    /// <c>/health/live</c>, see docs/performance.md). Trace ids in problem details do not depend on it.
    /// </summary>
    public static IServiceCollection AddSpocTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("spoc-api"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .UseOtlpExporter();
        return services;
    }
}
