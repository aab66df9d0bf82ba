using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Spoc.SharedKernel.Security;

namespace Spoc.Api.Infrastructure;

internal static class Auth
{
    public static IServiceCollection AddSpocAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection("Auth"));
        services.AddSingleton<SigningKeyProvider>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, SigningKeyProvider>((jwt, auth, keys) =>
            {
                jwt.MapInboundClaims = false;
                // One key instance for the host's life: a new one per request re-derived its id (a SHA-256) and missed the signature provider cache.
                var signingKeys = new Lazy<SecurityKey[]>(() => [new SymmetricSecurityKey(keys.Key)]);
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Audience,
                    // Resolved lazily so that tools building the host (OpenAPI export, dotnet ef) need no key.
                    IssuerSigningKeyResolver = (_, _, _, _) => signingKeys.Value,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser().AddRequirements(ClientScopeRequirement.Instance))
            .AddPolicy(Policies.PlatformAdmin, p => p.RequireAuthenticatedUser().RequireRole(Roles.PlatformAdmin).AddRequirements(ClientScopeRequirement.Instance));
        return services.AddClientScopes(configuration);
    }

    private sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
    {
        private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

        public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

        public Guid Id => Guid.TryParse(Principal?.FindFirstValue("sub"), out var id)
            ? id
            : throw new InvalidOperationException("No authenticated caller: the endpoint must require authorization.");

        public bool IsPlatformAdmin => Principal?.IsInRole(Roles.PlatformAdmin) == true;
    }
}
