using Microsoft.AspNetCore.Builder;

namespace Spoc.SharedKernel.Security;

/// <summary>
/// What an API client (another system acting for one organisation, ADR 0044) may be granted. A route accepts client tokens
/// only when it names a scope here with <see cref="ClientScopes.AllowScopes{TBuilder}"/>; every other route refuses them (403 insufficient-scope).
/// </summary>
public static class Scopes
{
    public const string CohortsRead = "cohorts:read";
    public const string MembersRead = "members:read";
    public const string EnrolmentsWrite = "enrolments:write";
    public const string ProgressRead = "progress:read";
    public const string GradesRead = "grades:read";
    public const string CertificatesRead = "certificates:read";

    /// <summary>Every scope with what it opens, as the OpenAPI document and the org admin's screen show them.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        [CohortsRead] = "Read the organisation's cohorts, their members, groups and schedules.",
        [MembersRead] = "Read the organisation's members and their roles.",
        [EnrolmentsWrite] = "Enrol the organisation's people in its organisation-enrolment cohorts.",
        [ProgressRead] = "Read learners' progress and attendance in the organisation's cohorts.",
        [GradesRead] = "Read assignments, submissions and grades in the organisation's cohorts.",
        [CertificatesRead] = "Read the certificates the organisation issued.",
    };
}

/// <summary>The claims of an API client's access token (RFC 9068 names).</summary>
public static class ClientClaims
{
    public const string ClientId = "client_id";
    public const string Scope = "scope";
    public const string Organization = "org";
}

/// <summary>Endpoint metadata: the scopes that let an API client's token call this route (any one of them).</summary>
public sealed record ClientScopesMetadata(IReadOnlyList<string> Scopes);

public static class ClientScopes
{
    /// <summary>Lets API clients holding one of <paramref name="scopes"/> call this route, as the organisation's admin would (ADR 0044).</summary>
    public static TBuilder AllowScopes<TBuilder>(this TBuilder builder, params string[] scopes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ClientScopesMetadata(scopes));
}
