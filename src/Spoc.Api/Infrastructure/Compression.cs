using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Spoc.Api.Infrastructure;

/// <summary>
/// Brotli or gzip, as the client asks, for JSON only, and only for the answers to <c>GET</c> outside <c>/auth</c>.
/// BREACH: over HTTPS, a compressed response that reflects attacker-chosen input next to a secret leaks the secret
/// through its length. Reads carry no secrets (tokens are shown once, in the responses of the POSTs that create them), so
/// they are compressed; the writes and everything under /auth (access and refresh tokens) never are.
/// </summary>
internal static class Compression
{
    public static IServiceCollection AddSpocCompression(this IServiceCollection services) =>
        services
            .Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest)
            .Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest)
            .AddResponseCompression(o =>
            {
                o.EnableForHttps = true;
                o.Providers.Add<BrotliCompressionProvider>();
                o.Providers.Add<GzipCompressionProvider>();
                o.MimeTypes = ["application/json", "application/problem+json"];
            });

    public static WebApplication UseSpocCompression(this WebApplication app)
    {
        app.UseWhen(
            c => HttpMethods.IsGet(c.Request.Method) && !c.Request.Path.StartsWithSegments("/api/v1/auth", StringComparison.OrdinalIgnoreCase),
            get => get.UseResponseCompression());
        return app;
    }
}
