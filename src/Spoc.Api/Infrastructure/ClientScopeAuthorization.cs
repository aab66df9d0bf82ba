using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Caching.Memory;
using Spoc.Modules.Platform.Contracts;
using Spoc.SharedKernel.Security;

namespace Spoc.Api.Infrastructure;

/// <summary>
/// API clients' tokens (ADR 0044): every policy carries <see cref="ClientScopeRequirement"/>, which a person's token always
/// meets and a client's token meets only on a route that allows one of its scopes; the refusal is a 403
/// <c>insufficient-scope</c> with RFC 6750's <c>WWW-Authenticate</c>. A revoked client's live tokens stop within
/// <c>Auth:ClientRevocationCheck</c> (15 s).
/// </summary>
internal static class ClientScopeAuthorization
{
    public static IServiceCollection AddClientScopes(this IServiceCollection services, IConfiguration configuration)
    {
        // How long a client's "still active" answer is reused: one query per client per delay, not one per request.
        var revocationCheck = configuration.GetValue("Auth:ClientRevocationCheck", TimeSpan.FromSeconds(15));
        services.AddMemoryCache();
        services.AddSingleton<IAuthorizationHandler, ClientScopeHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ScopeRefusal>();
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            jwt.Events ??= new JwtBearerEvents();
            var next = jwt.Events.OnTokenValidated;
            jwt.Events.OnTokenValidated = async context =>
            {
                if (context.Principal?.FindFirstValue(ClientClaims.ClientId) is { } clientId && !await IsActiveAsync(context.HttpContext, Guid.Parse(clientId), revocationCheck))
                {
                    context.Fail("This API client was revoked, or its organisation suspended.");
                    return;
                }

                await next(context);
            };
        });
        return services;
    }

    private static HashSet<string> GrantedScopes(ClaimsPrincipal user) =>
        (user.FindFirstValue(ClientClaims.Scope) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static async Task<bool> IsActiveAsync(HttpContext http, Guid clientId, TimeSpan reuse)
    {
        var ask = () => http.RequestServices.GetRequiredService<ISender>().Send(new IsApiClientActive(clientId), http.RequestAborted).AsTask();
        return reuse <= TimeSpan.Zero
            ? await ask()
            : await http.RequestServices.GetRequiredService<IMemoryCache>().GetOrCreateAsync(("api-client-active", clientId), entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = reuse;
                return ask();
            });
    }

    private sealed class ClientScopeHandler : AuthorizationHandler<ClientScopeRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ClientScopeRequirement requirement)
        {
            var allowed = (context.Resource as HttpContext)?.GetEndpoint()?.Metadata.GetMetadata<ClientScopesMetadata>()?.Scopes ?? [];
            // Left pending otherwise (not Fail()), so that the result names this requirement among the failed ones.
            if (context.User.FindFirst(ClientClaims.ClientId) is null || allowed.Any(GrantedScopes(context.User).Contains))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class ScopeRefusal(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (!authorizeResult.Forbidden || authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ClientScopeRequirement>().Any() != true)
            {
                await _default.HandleAsync(next, context, policy, authorizeResult);
                return;
            }

            var scopes = context.GetEndpoint()?.Metadata.GetMetadata<ClientScopesMetadata>()?.Scopes ?? [];
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.Headers.WWWAuthenticate = scopes.Count == 0
                ? "Bearer error=\"insufficient_scope\""
                : $"Bearer error=\"insufficient_scope\", scope=\"{string.Join(' ', scopes)}\"";
            var problem = ProblemExceptionHandler.Problem(Problems.InsufficientScope);
            problem.Detail = scopes.Count == 0
                ? "This route does not accept API clients' tokens; a person signs in for it."
                : $"An API client's token needs one of these scopes here: {string.Join(", ", scopes)}.";
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
        }
    }
}

/// <summary>In every policy: met by people's tokens, and by API clients' tokens holding a scope the route allows.</summary>
internal sealed class ClientScopeRequirement : IAuthorizationRequirement
{
    public static readonly ClientScopeRequirement Instance = new();
}
