using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Api.Infrastructure;

/// <summary>The <c>RateLimiting</c> section: a strict window on sign-in, a general one per caller; counted in Redis when <c>Redis:Connection</c> is set.</summary>
internal sealed class RateLimitSettings
{
    public int TokenPermitsPerIp { get; set; } = 20;
    public TimeSpan TokenWindow { get; set; } = TimeSpan.FromMinutes(1);
    public int ApiPermitsPerCaller { get; set; } = 300;
    public int ApiPermitsPerClient { get; set; } = 600;
    public TimeSpan ApiWindow { get; set; } = TimeSpan.FromMinutes(1);
    public int PreviewPermitsPerCaller { get; set; } = 120;
    public int FeedPermitsPerToken { get; set; } = 30;
    public TimeSpan FeedWindow { get; set; } = TimeSpan.FromMinutes(10);
    public int VerifyPermitsPerIp { get; set; } = 30;
    public int PublicPermitsPerIp { get; set; } = 60;
}

internal static class RateLimiting
{
    public const string TokenPolicy = Spoc.Modules.Platform.PlatformModule.SignInRateLimitPolicy;

    public static IServiceCollection AddSpocRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimiting").Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.AddSingleton(settings);
        return services.AddRateLimiter(options =>
        {
            // Every API call counts against its caller: the API client (its own budget: a system syncs more than a person
            // clicks), the user when signed in, the IP otherwise.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !context.Request.Path.StartsWithSegments("/api") ? RateLimitPartition.GetNoLimiter("static")
                : context.User.FindFirstValue(ClientClaims.ClientId) is { } client
                    ? Window(context, "api", "client:" + client, settings.ApiPermitsPerClient, settings.ApiWindow)
                    : Window(context, "api", context.User.FindFirstValue("sub") ?? "ip:" + ClientIp(context), settings.ApiPermitsPerCaller, settings.ApiWindow));

            // Password guessing: per IP here; per account in the token endpoint itself, which knows the email.
            options.AddPolicy(TokenPolicy, context => Window(context, "token", ClientIp(context), settings.TokenPermitsPerIp, settings.TokenWindow));

            // The Markdown preview renders up to 20,000 characters per call: its own, tighter window per user.
            options.AddPolicy(Spoc.Modules.Community.CommunityModule.PreviewRateLimitPolicy, context => Window(
                context, "preview", context.User.FindFirstValue("sub") ?? "ip:" + ClientIp(context), settings.PreviewPermitsPerCaller, settings.ApiWindow));

            // A calendar app polls a feed every few minutes from each device subscribed; more than that is a client stuck
            // in a loop, and each answer re-reads every cohort of the token's owner. Per token, so one noisy client never
            // starves the owner's other devices behind the same address.
            options.AddPolicy(Spoc.Modules.Community.CommunityModule.CalendarFeedRateLimitPolicy, context => Window(
                context, "feed", context.Request.Query["token"].ToString() is { Length: > 0 } token ? "feed:" + token : "ip:" + ClientIp(context),
                settings.FeedPermitsPerToken, settings.FeedWindow));
            // Certificate verification is anonymous and public: its own window per address keeps codes from being tried in bulk.
            options.AddPolicy(Spoc.Modules.Certification.CertificationModule.VerifyRateLimitPolicy, context => Window(
                context, "verify", ClientIp(context), settings.VerifyPermitsPerIp, settings.ApiWindow));
            // A cohort's public page is anonymous too: its own window per address keeps it from being crawled for ids.
            options.AddPolicy(Spoc.Modules.Cohorts.CohortsModule.PublicPageRateLimitPolicy, context => Window(
                context, "public-page", ClientIp(context), settings.PublicPermitsPerIp, settings.ApiWindow));

            options.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : settings.ApiWindow;
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = ProblemExceptionHandler.Problem(ProblemType.TooManyRequests),
                });
            };
        });
    }

    /// <summary>A fixed window per key, in this instance or across instances in Redis (<see cref="IRateWindows"/>, ADR 0052).</summary>
    private static RateLimitPartition<string> Window(HttpContext context, string policy, string key, int permits, TimeSpan window) =>
        context.RequestServices.GetRequiredService<IRateWindows>().Partition(policy, key, permits, window);

    private static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
