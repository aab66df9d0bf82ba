using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Platform.Features.ApiClients;

/// <summary>An API client as its organisation's admins see it: never a secret, only the last characters of each one that works.</summary>
/// <param name="Id">The OAuth <c>client_id</c>.</param>
/// <param name="Scopes">What its tokens may do (docs/integrations.md lists each scope's routes).</param>
/// <param name="Secrets">The secrets that work now, newest first: one, or two during a rotation's overlap.</param>
/// <param name="LastUsedAt">When it last got a token.</param>
/// <param name="RevokedAt">Once revoked it gets no token, and the tokens it holds stop working within 15 seconds.</param>
public sealed record ApiClientResponse(
    Guid Id, Guid OrganizationId, string Name, IReadOnlyList<string> Scopes, IReadOnlyList<ApiClientSecretSummary> Secrets,
    DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, Guid Version) : IVersioned
{
    internal static IQueryable<ApiClientResponse> Project(IQueryable<ApiClient> clients, DateTimeOffset now) =>
        clients.Select(c => new ApiClientResponse(
            c.Id, c.OrganizationId, c.Name, c.Scopes,
            c.Secrets.Where(s => s.ExpiresAt == null || s.ExpiresAt > now).OrderByDescending(s => s.CreatedAt)
                .Select(s => new ApiClientSecretSummary(s.Hint, s.CreatedAt, s.ExpiresAt)).ToList(),
            c.CreatedAt, c.LastUsedAt, c.RevokedAt, c.Version));
}

/// <param name="Hint">The secret's last four characters: which one a system holds.</param>
/// <param name="ExpiresAt">Set on the previous secret during a rotation's overlap; absent on the current one.</param>
public sealed record ApiClientSecretSummary(string Hint, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

/// <summary>The client's credentials, the only time its secret is shown: store it now, it cannot be read again.</summary>
/// <param name="ClientId">The <c>client_id</c> of the client-credentials grant.</param>
/// <param name="ClientSecret">The <c>client_secret</c>: 256 random bits after the <c>spoc_cs_</c> prefix.</param>
/// <param name="Client">The client as it is now.</param>
public sealed record ApiClientCredentials(Guid ClientId, string ClientSecret, ApiClientResponse Client);
