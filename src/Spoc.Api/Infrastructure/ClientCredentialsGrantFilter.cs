using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Spoc.Modules.Platform.Features.Auth;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Spoc.Api.Infrastructure;

/// <summary>
/// POST /auth/token is two endpoints told apart by Content-Type: a person's JSON sign-in (the operation Swashbuckle writes)
/// and an API client's form-encoded client-credentials grant (excluded from the description, since OpenAPI has one operation
/// per path and method). This adds the grant to that operation: its form body, its token, and its OAuth errors (RFC 6749 §5.2),
/// which are application/json as OAuth libraries expect, with the problem members as well (ADR 0044).
/// </summary>
internal sealed class ClientCredentialsGrantFilter : IDocumentFilter
{
    private static readonly (int Status, string[] Errors)[] OAuthErrors =
    [
        (400, ["invalid_request", "unsupported_grant_type", "invalid_scope"]),
        (401, ["invalid_client"]),
    ];

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        if (document.Paths.TryGetValue("/api/v1/auth/token", out var path) is false
            || path.Operations?.TryGetValue(HttpMethod.Post, out var operation) is not true || operation.RequestBody is not OpenApiRequestBody body)
        {
            return;
        }

        IOpenApiSchema Schema<T>() => context.SchemaGenerator.GenerateSchema(typeof(T), context.SchemaRepository);
        operation.Summary = "Sign in (a person, JSON) or get an API client's token (client credentials, form-encoded)";
        operation.Description += " **API clients** (another system, docs/integrations.md) send `application/x-www-form-urlencoded`: "
            + "`grant_type=client_credentials`, their `client_id` and `client_secret` either as HTTP Basic (`client_secret_basic`) or in the form (`client_secret_post`), "
            + "and optionally `scope` (space-separated, among theirs; all of them when absent). The answer is `{access_token, token_type, expires_in, scope}` "
            + "(10 minutes, no refresh token), never cached; errors are OAuth's (`error`, `error_description`) as application/json with the problem members too: "
            + "400 invalid_request / unsupported_grant_type / invalid_scope, 401 invalid_client (with `WWW-Authenticate: Basic`) for an unknown client, a wrong or expired secret, "
            + "a revoked client or a suspended organisation alike. Rate limited per address and per client (429 with Retry-After).";
        body.Content![IssueClientToken.FormContentType] = new OpenApiMediaType { Schema = Schema<ClientCredentialsGrant>() };

        if (operation.Responses!["200"] is OpenApiResponse ok && ok.Content?["application/json"] is OpenApiMediaType token)
        {
            token.Schema = new OpenApiSchema { OneOf = [token.Schema!, Schema<ClientCredentialsToken>()] };
        }

        var problemTypes = (JsonArray)((JsonNodeExtension)operation.Extensions!["x-problem-types"]).Node;
        foreach (var (status, errors) in OAuthErrors)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var response = operation.Responses.TryGetValue(key, out var existing) ? (OpenApiResponse)existing : new OpenApiResponse { Description = "", Content = new Dictionary<string, IOpenApiMediaType>() };
            response.Description = string.Join("; ", new[] { response.Description }.Where(d => !string.IsNullOrEmpty(d))
                .Concat(errors.Select(e => $"`{e.Replace('_', '-')}`: OAuth error `{e}` (application/json)")));
            response.Content!["application/json"] = new OpenApiMediaType { Schema = Schema<OAuthError>() };
            operation.Responses[key] = response;
            foreach (var error in errors)
            {
                problemTypes.Add(JsonValue.Create(Spoc.SharedKernel.Problems.ProblemTypes.For(error.Replace('_', '-'))));
            }
        }

        var sorted = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (status, response) in sorted)
        {
            operation.Responses[status] = response;
        }
    }
}
