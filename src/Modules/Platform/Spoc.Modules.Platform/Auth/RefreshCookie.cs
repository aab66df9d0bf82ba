using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Auth;

/// <summary>How a client keeps its refresh token: in the response body (mobile apps, integrators) or in a cookie no script can read (the web app).</summary>
public enum SessionMode
{
    Body,
    Cookie,
}

/// <summary>The web app's refresh token as a <see cref="SessionCookie"/>: set on sign-in and refresh, read back by refresh and logout, cleared on logout.</summary>
internal static class RefreshCookie
{
    /// <summary>Sets the cookie and takes the refresh token out of the body, so that only the browser holds it.</summary>
    public static TokenResponse Keep(HttpContext http, TokenResponse tokens)
    {
        var lifetime = http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.RefreshTokenLifetime;
        http.Response.Cookies.Append(SessionCookie.Name, tokens.RefreshToken!, Options(lifetime));
        return tokens with { RefreshToken = null };
    }

    public static string? Read(HttpRequest request) => request.Cookies[SessionCookie.Name];

    public static void Clear(HttpResponse response) => response.Cookies.Delete(SessionCookie.Name, Options(null));

    private static CookieOptions Options(TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = SessionCookie.Path,
        MaxAge = lifetime,
        IsEssential = true,
    };
}
