using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Spoc.SharedKernel.Http;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Spoc.Api.Infrastructure;

internal static class OpenApi
{
    public const string BearerScheme = "bearer";

    public static IServiceCollection AddSpocOpenApi(this IServiceCollection services) =>
        services.AddEndpointsApiExplorer().AddSwaggerGen(c =>
        {
            c.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Spoc API",
                Version = "v1",
                Description = "Small private online courses: selective cohorts, close follow-up, continuous assessment, certificates. "
                    + "Errors are RFC 9457 problem+json with a stable `type`; lists are paged (`page`, `pageSize` 1..100); "
                    + "POSTs accept `Idempotency-Key`; versioned resources carry an `ETag`: updates accept `If-Match` (412 when stale) "
                    + "and GETs answer `If-None-Match` with 304.",
            });
            c.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Access token from POST /api/v1/auth/token (15 minutes).",
            });
            c.SupportNonNullableReferenceTypes();
            c.UseAllOfToExtendReferenceSchemas(); // lets a nullable enum or object property say "nullable" next to its $ref
            c.NonNullableReferenceTypesAsRequired();
            c.CustomSchemaIds(SchemaId);
            c.OperationFilter<ConventionsOperationFilter>();
        });

    /// <summary>Features nest their records in a class named after the feature: "RegisterUser.Response" becomes "RegisterUserResponse".</summary>
    private static string SchemaId(Type type)
    {
        var name = type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + string.Concat(type.GetGenericArguments().Select(SchemaId))
            : type.Name;
        return type.DeclaringType is { } feature && !type.IsGenericParameter ? feature.Name + name : name;
    }

    /// <summary>
    /// What API.md promises of every operation, added once: the bearer requirement and 401 on protected ones,
    /// 400/413/415 where a body is read, 429, 500 and 503 everywhere, all as problem+json.
    /// </summary>
    private sealed class ConventionsOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            var isProtected = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
            if (isProtected)
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
                AddProblem(operation, context, 401, "No valid access token");
            }

            if (context.ApiDescription.ParameterDescriptions.Any(p => p.Source.Id == "Body"))
            {
                AddProblem(operation, context, 400, "Invalid input: the body, a field, the query or the route");
                AddProblem(operation, context, 413, "Request body too large");
                AddProblem(operation, context, 415, "Body is not application/json");
            }
            else if (context.ApiDescription.ParameterDescriptions.Count > 0)
            {
                AddProblem(operation, context, 400, "Invalid query or route parameter");
            }

            if (context.ApiDescription.HttpMethod == "POST")
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyMiddleware.Header,
                    In = ParameterLocation.Header,
                    Description = metadata.OfType<IdempotencyWindow>().FirstOrDefault() is { } window
                        ? $"Optional, a UUID: a retry with the same key and body within {window.Duration.TotalSeconds:0} seconds replays the first response."
                        : "Optional, a UUID: a retry with the same key and body within 24 h replays the first response.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
                });
                AddProblem(operation, context, 422, "Idempotency-Key reused with a different body");
            }

            AddProblem(operation, context, 429, "Rate limit exceeded; see Retry-After");
            AddProblem(operation, context, 500, "Unexpected error (no internals disclosed)");
            AddProblem(operation, context, 503, "Database temporarily unavailable; see Retry-After");
        }

        private static void AddProblem(OpenApiOperation operation, OperationFilterContext context, int status, string description)
        {
            operation.Responses ??= [];
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(key))
            {
                return;
            }

            var schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
            operation.Responses[key] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
            };
        }
    }
}
