using Microsoft.Extensions.FileProviders;

namespace Spoc.Api.Infrastructure;

/// <summary>
/// Serves the built web app (<c>Spoc:SpaDirectory</c>, client/dist by default) from the same origin as the API:
/// files as they are, every other path that is not the API, Swagger or health gets index.html (client-side routing).
/// </summary>
internal static class Spa
{
    private static readonly string[] ServerPrefixes = ["/api", "/swagger", "/health", "/.well-known"];

    // Mantine sets inline styles; scripts, connections and everything else stay same-origin.
    private const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseSpa(this WebApplication app)
    {
        var configured = app.Configuration["Spoc:SpaDirectory"];
        var root = Path.GetFullPath(string.IsNullOrEmpty(configured) ? Path.Combine(app.Environment.ContentRootPath, "../../client/dist") : configured);
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.Logger.LogInformation("No web app build in {SpaDirectory}: serving the API only", root);
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = ctx =>
            {
                // Vite fingerprints everything under assets/: cache it forever; index.html is always revalidated.
                ctx.Context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                ctx.Context.Response.Headers.CacheControl = ctx.Context.Request.Path.StartsWithSegments("/assets")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });

        var index = files.GetFileInfo("index.html");
        app.MapFallback(async context =>
        {
            if (ServerPrefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix)) || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.SendFileAsync(index, context.RequestAborted);
        }).ExcludeFromDescription();
        return app;
    }
}
