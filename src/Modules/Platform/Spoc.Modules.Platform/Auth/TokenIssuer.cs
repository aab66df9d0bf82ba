using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Spoc.Modules.Platform.Data;
using Spoc.Modules.Platform.Features.Auth;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Auth;

/// <summary>What /auth/token and /auth/refresh return; no <c>refreshToken</c> in the cookie session mode (the cookie holds it).</summary>
/// <param name="AccessToken">Send as <c>Authorization: Bearer</c>; valid for <c>expiresIn</c> seconds.</param>
/// <param name="RefreshToken">Single use: POST /auth/refresh exchanges it for a new pair. Absent in the cookie session mode (the cookie holds it).</param>
/// <param name="ExpiresIn">Seconds until the access token expires.</param>
public sealed record TokenResponse(
    string AccessToken,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? RefreshToken,
    int ExpiresIn,
    string TokenType);

/// <summary>Signs short-lived access tokens and mints refresh tokens (only their hash is stored).</summary>
internal sealed class TokenIssuer(IOptions<AuthOptions> options, SigningKeyProvider keys, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>Adds the new refresh token to <paramref name="db"/>; the caller saves.</summary>
    public TokenResponse Issue(PlatformDbContext db, User user, Guid familyId)
    {
        var auth = options.Value;
        var now = clock.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            ["sub"] = user.Id.ToString(),
            ["email"] = user.Email,
            ["name"] = user.DisplayName,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["sid"] = familyId.ToString(), // the session (refresh token family), kept when the password changes
        };
        if (user.IsPlatformAdmin)
        {
            claims["role"] = Roles.PlatformAdmin;
        }

        var accessToken = Sign(claims, now, auth.AccessTokenLifetime);
        var refreshToken = SecretTokens.New();
        db.RefreshTokens.Add(new RefreshToken
        {
            UserId = user.Id,
            FamilyId = familyId,
            TokenHash = SecretTokens.Hash(refreshToken),
            CreatedAt = now,
            ExpiresAt = now + auth.RefreshTokenLifetime,
        });
        return new TokenResponse(accessToken, refreshToken, (int)auth.AccessTokenLifetime.TotalSeconds, "Bearer");
    }

    /// <summary>
    /// An API client's token (RFC 9068's claims): <c>sub</c> and <c>client_id</c> name the client, <c>org</c> its organisation,
    /// <c>scope</c> what it may do; no role, no email, no refresh token (RFC 6749 §4.4.3).
    /// </summary>
    public ClientCredentialsToken IssueForClient(ApiClient client, IReadOnlyCollection<string> scopes)
    {
        var lifetime = options.Value.ClientTokenLifetime;
        var scope = string.Join(' ', scopes);
        var claims = new Dictionary<string, object>
        {
            ["sub"] = client.Id.ToString(),
            [ClientClaims.ClientId] = client.Id.ToString(),
            [ClientClaims.Organization] = client.OrganizationId.ToString(),
            [ClientClaims.Scope] = scope,
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        return new ClientCredentialsToken(Sign(claims, clock.GetUtcNow(), lifetime), "Bearer", (int)lifetime.TotalSeconds, scope);
    }

    private string Sign(Dictionary<string, object> claims, DateTimeOffset now, TimeSpan lifetime)
    {
        var auth = options.Value;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(keys.Key), SecurityAlgorithms.HmacSha256),
        });
    }
}
