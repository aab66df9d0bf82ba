using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Platform.Auth;
using Spoc.Modules.Platform.Data;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;

namespace Spoc.Modules.Platform.Features.Auth;

/// <summary>
/// POST /auth/token, form-encoded: OAuth 2.0's client-credentials grant (RFC 6749 §4.4) for API clients. The JSON body of the
/// same route is a person's sign-in (<see cref="IssueToken"/>); routing tells them apart by Content-Type.
/// </summary>
internal static class IssueClientToken
{
    public const string FormContentType = "application/x-www-form-urlencoded";

    /// <summary>A form is a few short fields: anything bigger is not a token request.</summary>
    private const long MaxFormBytes = 16 * 1024;

    public sealed record Command(string? GrantType, string? Scope, string? ClientId, string? ClientSecret, bool BothCredentialForms) : ICommand<ClientCredentialsToken>;

    /// <summary>Bounds only: what the fields mean is the handler's, answered as OAuth errors.</summary>
    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.GrantType).MaximumLength(50);
            RuleFor(c => c.Scope).MaximumLength(500);
            RuleFor(c => c.ClientId).MaximumLength(100);
            RuleFor(c => c.ClientSecret).MaximumLength(200);
        }
    }

    internal sealed class Handler(PlatformDbContext db, TokenIssuer tokens, SignInThrottle throttle, TimeProvider clock) : ICommandHandler<Command, ClientCredentialsToken>
    {
        public async ValueTask<ClientCredentialsToken> Handle(Command command, CancellationToken cancellationToken)
        {
            if (command.BothCredentialForms)
            {
                throw new OAuthException(PlatformProblems.OAuthInvalidRequest, "Send the client's credentials either in the Authorization header or in the form, not both.");
            }

            if (command.GrantType != "client_credentials")
            {
                throw command.GrantType is null
                    ? new OAuthException(PlatformProblems.OAuthInvalidRequest, "grant_type is missing.")
                    : new OAuthException(PlatformProblems.OAuthUnsupportedGrantType, "Only grant_type=client_credentials is form-encoded; people sign in with a JSON body.");
            }

            if (!Guid.TryParse(command.ClientId, out var clientId) || string.IsNullOrEmpty(command.ClientSecret))
            {
                throw new OAuthException(PlatformProblems.OAuthInvalidClient, "Unknown client, or wrong secret.");
            }

            var now = clock.GetUtcNow();
            var client = await db.ApiClients.AsNoTracking()
                .Include(c => c.Secrets.Where(s => s.ExpiresAt == null || s.ExpiresAt > now))
                .Where(c => c.Id == clientId && c.RevokedAt == null && db.Organizations.Any(o => o.Id == c.OrganizationId && o.SuspendedAt == null))
                .FirstOrDefaultAsync(cancellationToken);
            // Every secret is compared, in constant time, whichever matches: unknown, revoked and wrong answer alike.
            if (client is null | !(client?.Secrets ?? []).Aggregate(false, (matched, s) => s.Matches(command.ClientSecret) | matched))
            {
                // Failures only: client ids are not secret, so counting every attempt would let anyone lock a system out.
                await throttle.EnterAsync("client:" + clientId, cancellationToken);
                throw new OAuthException(PlatformProblems.OAuthInvalidClient, "Unknown client, or wrong secret.");
            }

            var requested = (command.Scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
            if (requested.Except(client!.Scopes).Any())
            {
                throw new OAuthException(PlatformProblems.OAuthInvalidScope, $"This client may ask for: {string.Join(' ', client.Scopes)}.");
            }

            await db.ApiClients.Where(c => c.Id == clientId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUsedAt, now), cancellationToken);
            return tokens.IssueForClient(client, requested.Count > 0 ? requested : client.Scopes);
        }
    }

    public static void MapEndpoint(IEndpointRouteBuilder api, string rateLimitPolicy) =>
        api.MapPost("/auth/token", async (HttpContext http, ISender sender, CancellationToken ct) =>
            {
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = MaxFormBytes;
                }

                IFormCollection form;
                try
                {
                    form = await http.Request.ReadFormAsync(ct);
                }
                catch (InvalidDataException) // over the form reader's limits on fields and key lengths
                {
                    return OAuthError.Answer(new OAuthException(PlatformProblems.OAuthInvalidRequest, "This is not a token request's form."), http);
                }

                var basic = BasicCredentials(http.Request);
                var command = new Command(
                    Single(form, "grant_type"), Single(form, "scope"),
                    basic?.ClientId ?? Single(form, "client_id"), basic?.Secret ?? Single(form, "client_secret"),
                    basic is not null && (form.ContainsKey("client_id") || form.ContainsKey("client_secret")));
                http.Response.Headers.CacheControl = "no-store"; // RFC 6749 §5.1: tokens and their errors are never cached
                try
                {
                    return Results.Json(await sender.Send(command, ct));
                }
                catch (ValidationException e)
                {
                    return OAuthError.Answer(new OAuthException(PlatformProblems.OAuthInvalidRequest, string.Join(" ", e.Errors.Select(f => f.ErrorMessage))), http);
                }
                catch (OAuthException e)
                {
                    return OAuthError.Answer(e, http);
                }
            })
            .Accepts(typeof(ClientCredentialsGrant), FormContentType)
            .WithOrder(1) // a body of no type gets the JSON sign-in's answer, instead of two routes matching
            .ExcludeFromDescription() // the document shows it as IssueToken's form body (Swashbuckle takes one operation per path and method)
            .AllowAnonymous()
            .RequireRateLimiting(rateLimitPolicy);

    /// <summary>client_secret_basic (RFC 6749 §2.3.1): both halves form-urlencoded, then joined by a colon and base64-encoded.</summary>
    private static (string ClientId, string Secret)? BasicCredentials(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header) || !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':', 2);
            return pair.Length == 2 ? (Uri.UnescapeDataString(pair[0].Replace('+', ' ')), Uri.UnescapeDataString(pair[1].Replace('+', ' '))) : ("", "");
        }
        catch (FormatException)
        {
            return ("", "");
        }
    }

    private static string? Single(IFormCollection form, string name) => form.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;
}

/// <summary>The form of the client-credentials grant (RFC 6749 §4.4.2), <c>application/x-www-form-urlencoded</c>.</summary>
/// <param name="GrantType">Always <c>client_credentials</c>.</param>
/// <param name="ClientId">The client's id, unless sent with its secret as HTTP Basic (<c>client_secret_basic</c>).</param>
/// <param name="ClientSecret">The client's secret, unless sent as HTTP Basic.</param>
/// <param name="Scope">Space-separated, among the client's scopes; absent means all of them.</param>
public sealed record ClientCredentialsGrant(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("client_secret")] string? ClientSecret,
    [property: JsonPropertyName("scope")] string? Scope);

/// <summary>An API client's access token (RFC 6749 §5.1); no refresh token: the client asks again with its secret.</summary>
/// <param name="AccessToken">Send as <c>Authorization: Bearer</c>.</param>
/// <param name="ExpiresIn">Seconds until it expires (600 by default).</param>
/// <param name="Scope">The scopes it holds, space-separated.</param>
public sealed record ClientCredentialsToken(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("scope")] string Scope);

/// <summary>
/// An OAuth error (RFC 6749 §5.2) as <c>application/json</c>, which OAuth libraries expect, carrying the problem members
/// <c>type</c>, <c>title</c> and <c>status</c> as well (ADR 0044).
/// </summary>
/// <param name="Error"><c>invalid_request</c>, <c>invalid_client</c>, <c>unsupported_grant_type</c> or <c>invalid_scope</c>.</param>
public sealed record OAuthError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status)
{
    internal static IResult Answer(OAuthException e, HttpContext http)
    {
        if (e.Problem.Status == StatusCodes.Status401Unauthorized)
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"spoc\"";
        }

        return Results.Json(new OAuthError(e.Problem.Slug.Replace('-', '_'), e.Description, e.Problem.Uri, e.Problem.Title, e.Problem.Status), statusCode: e.Problem.Status);
    }
}

internal sealed class OAuthException(ProblemType problem, string description) : Exception(description)
{
    public ProblemType Problem { get; } = problem;

    public string Description { get; } = description;
}
