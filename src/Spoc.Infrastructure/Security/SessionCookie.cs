namespace Spoc.SharedKernel.Security;

/// <summary>
/// Where the web app's refresh token lives: an HttpOnly, Secure, SameSite=Strict cookie that only the /auth routes
/// receive, so no script of the page can read it. Mobile and integrator clients keep it in the body instead.
/// </summary>
public static class SessionCookie
{
    public const string Name = "__Secure-spoc-refresh";
    public const string Path = "/api/v1/auth";
}
