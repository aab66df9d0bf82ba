using Microsoft.Extensions.Primitives;

namespace Spoc.Api.Infrastructure;

/// <summary>
/// Headers every response carries, set when the response starts so that error responses (whose headers the exception
/// handler clears) keep them too. Outside Development, HSTS tells browsers to come back over HTTPS only.
/// </summary>
internal static class SecurityHeaders
{
    // What the API answers is data, never a page: nothing may load from it or frame it, and a file that a browser would
    // still try to render (an HTML polyglot behind a PDF signature) runs sandboxed, in an opaque origin, without scripts.
    // The web app sets its own policy (Spa.cs); Swagger UI needs its scripts and styles, so it keeps none.
    internal const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";

    public static IServiceCollection AddSpocSecurityHeaders(this IServiceCollection services) =>
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

    public static WebApplication UseSpocSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                if (StringValues.IsNullOrEmpty(headers.ContentSecurityPolicy) && !context.Request.Path.StartsWithSegments("/swagger"))
                {
                    headers.ContentSecurityPolicy = ApiContentSecurityPolicy;
                }

                // API answers carry tokens and personal data: no cache may keep them, unless a route opts in by setting its own.
                if (StringValues.IsNullOrEmpty(headers.CacheControl) && context.Request.Path.StartsWithSegments("/api"))
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
