using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using System.Text.Json.Nodes;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Problems;
using Spoc.SharedKernel.Security;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Spoc.Api.Infrastructure;

internal static class OpenApi
{
    public const string BearerScheme = "bearer";
    public const string ClientCredentialsScheme = "clientCredentials";

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
                // No licence file in the repository: the code is not open-licensed, so the document says so rather than inventing one.
                License = new OpenApiLicense { Name = "Proprietary, all rights reserved", Url = new Uri("https://spoc.example/terms") },
                Contact = new OpenApiContact { Name = "Spoc API team", Url = new Uri("https://spoc.example/contact") },
            });
            c.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Access token from POST /api/v1/auth/token (15 minutes).",
            });
            c.AddSecurityDefinition(ClientCredentialsScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "An API client of an organisation (another system): its token from POST /api/v1/auth/token, form-encoded with "
                    + "`grant_type=client_credentials` (10 minutes). It acts for that organisation only, on the operations that list one of its scopes; "
                    + "any other answers 403 insufficient-scope (docs/integrations.md).",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri("/api/v1/auth/token", UriKind.Relative), Scopes = Scopes.All.ToDictionary() },
                },
            });
            c.SupportNonNullableReferenceTypes();
            c.UseAllOfToExtendReferenceSchemas(); // lets a nullable enum or object property say "nullable" next to its $ref
            c.NonNullableReferenceTypesAsRequired();
            c.CustomSchemaIds(OpenApiSchemas.SchemaId);
            c.SchemaFilter<OpenApiSchemas.ValidatorSchemaFilter>();
            foreach (var xml in Directory.EnumerateFiles(AppContext.BaseDirectory, "Spoc.*.xml"))
            {
                c.IncludeXmlComments(xml); // records' <param> and <summary> docs become schema and property descriptions
            }
            c.OperationFilter<ConventionsOperationFilter>();
            c.OperationFilter<OpenApiSchemas.ContentOperationFilter>();
            c.DocumentFilter<WebhookEventsFilter>(); // before the conventions, which then apply to its schemas too
            c.DocumentFilter<DocumentConventionsFilter>();
            c.DocumentFilter<OpenApiSchemas.RequestExamplesFilter>();
            c.DocumentFilter<ClientCredentialsGrantFilter>();
        });

    /// <summary>One line per module, shown as the tag's description; a module whose tag is missing here fails OpenApiDocumentTests.</summary>
    private static readonly Dictionary<string, string> ModuleDescriptions = new()
    {
        ["Platform"] = "Accounts, sign-in and tokens, profiles, organizations and their members, file uploads.",
        ["Courses"] = "Course outlines (sections and activities), the schedule of a cohort, completion, progress and pacing.",
        ["Cohorts"] = "Cohorts of a course: applications and admission, members and roles, invitations, groups, partner organizations.",
        ["Assessment"] = "Continuous assessment in a cohort: assignments (quiz, text, file, group project) with each learner's own due date.",
        ["Community"] = "Collaboration in a cohort: cohort and project-group forums (threads, posts in Markdown with mentions, reactions, answers, moderation, unread counts, search), announcements, private conversations with one's follow-up, notifications and their preferences.",
        ["Certification"] = "Certificates of a cohort: rules, each learner's eligibility, issuance (one learner or all eligible), revocation and history; and certificates that anyone can check: Open Badges 3.0 credentials signed by the issuing organization (VC-JWT, ES256), its public keys (JWKS) and revocation status list, the public verification by code, and the PDF.",
        ["Integrations"] = "Other systems acting for an organisation: API clients (OAuth 2.0 client credentials, scopes, rotation, revocation). docs/integrations.md tells integrators how to use them.",
        ["FollowUp"] = "Individual follow-up in a cohort: each learner's signals and risk level from rules staff tune, the trainer's and mentor's dashboard, the private journal (notes), follow-up actions and the timeline; skills analytics per learner, cohort and organization, with CSV and XLSX exports; and the learner's own follow-up.",
    };

    /// <summary>The response headers the pipeline writes, declared once under components/headers and referenced by name.</summary>
    private static readonly Dictionary<string, IOpenApiHeader> ResponseHeaders = new()
    {
        [HeaderNames.ETag] = Header("The version of the resource: send it back as If-Match to update it, or as If-None-Match to get 304 when unchanged."),
        [HeaderNames.Location] = Header("Where the created resource (or the list holding it) is read.", format: "uri-reference"),
        [IdempotencyMiddleware.ReplayedHeader] = Header("`true` when this is the stored response to an earlier request with the same Idempotency-Key and body."),
        [HeaderNames.RetryAfter] = Header("Seconds to wait before retrying.", JsonSchemaType.Integer),
    };

    /// <summary>RFC 9457's members, as Spoc fills them (ProblemDetails has no XML docs to read).</summary>
    private static readonly Dictionary<string, string> ProblemMembers = new()
    {
        ["type"] = "`https://spoc.dev/problems/<slug>`: the stable kind of problem to code against (docs/problems.md).",
        ["title"] = "A short, human-readable summary of the problem type.",
        ["status"] = "The HTTP status code, repeated.",
        ["detail"] = "What went wrong in this occurrence.",
        ["instance"] = "The path of the request that failed.",
    };

    private static OpenApiHeader Header(string description, JsonSchemaType type = JsonSchemaType.String, string? format = null) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type, Format = format } };

    /// <summary>
    /// What API.md promises of every operation, added once: the bearer requirement, and the problem types the pipeline can
    /// answer: 401 on protected ones, 400/413/415 where a body is read, the idempotency problems on POSTs, races lost on
    /// writes, 412 where If-Match is read, 429, 500 and 503 everywhere; then the endpoint's own (<see cref="DeclaredProblems"/>).
    /// </summary>
    private sealed class ConventionsOperationFilter : IOperationFilter
    {
        /// <summary>The operation's list of every problem <c>type</c> URI it can answer.</summary>
        private const string ProblemTypesExtension = "x-problem-types";

        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            var isProtected = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
            var problems = new List<ProblemType>();
            if (isProtected)
            {
                // A person's token, or an API client's holding one of the scopes the route allows; any other client token is 403 insufficient-scope.
                var scopes = metadata.OfType<ClientScopesMetadata>().SelectMany(m => m.Scopes).ToList();
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
                if (scopes.Count > 0)
                {
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ClientCredentialsScheme, context.Document)] = scopes });
                }

                problems.AddRange([Problems.Unauthorized, Problems.InsufficientScope]);
            }
            else if (metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = []; // says "no credentials needed" rather than leaving it unstated
            }

            BoundPaging(operation);

            var parameters = context.ApiDescription.ParameterDescriptions;
            if (parameters.Any(p => p.Source.Id is "Body" or "FormFile")) // a JSON body or a multipart upload
            {
                problems.AddRange([Problems.ValidationFailed, Problems.MalformedRequest, ProblemType.PayloadTooLarge, Problems.UnsupportedMediaType]);
            }
            else if (parameters.Count > 0)
            {
                problems.AddRange([Problems.ValidationFailed, Problems.MalformedRequest]);
            }

            if (context.ApiDescription.HttpMethod != "GET")
            {
                problems.AddRange([Problems.Conflict, Problems.ConcurrencyConflict]); // a unique index or a version lost to a concurrent write
            }

            if (parameters.Any(p => p.Source.Id == "Header" && p.Name == HeaderNames.IfMatch))
            {
                problems.Add(ProblemType.PreconditionFailed);
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
                problems.AddRange([IdempotencyMiddleware.InvalidKey, IdempotencyMiddleware.InProgress, IdempotencyMiddleware.KeyReused]);
            }

            problems.AddRange([ProblemType.TooManyRequests, Problems.InternalError, Problems.DatabaseUnavailable]);
            problems.AddRange(metadata.OfType<DeclaredProblems>().SelectMany(d => d.Types));
            DeclareProblems(operation, context, problems);
            DeclareHeaders(operation, context);
            var sorted = operation.Responses!.OrderBy(r => r.Key, StringComparer.Ordinal).ToList(); // 2xx, 304, then the problems
            operation.Responses = [];
            foreach (var (status, response) in sorted)
            {
                operation.Responses[status] = response;
            }
        }

        /// <summary>The headers the pipeline writes: ETag (ConditionalRequests), Location (Created), Idempotent-Replayed
        /// (IdempotencyMiddleware, 2xx only), Retry-After (rate limiter, sign-in throttle, database outage); and the 304
        /// ConditionalRequests answers a GET of a versioned resource (its typed result's value is <see cref="IVersioned"/>).</summary>
        private static void DeclareHeaders(OpenApiOperation operation, OperationFilterContext context)
        {
            var versioned = context.ApiDescription.SupportedResponseTypes
                .Where(r => r.StatusCode is >= 200 and < 300 && r.Type is { } t && typeof(IVersioned).IsAssignableFrom(t))
                .Select(r => r.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .ToHashSet();
            if (context.ApiDescription.HttpMethod == "GET" && versioned.Count > 0)
            {
                operation.Responses!["304"] = new OpenApiResponse { Description = "Not modified: `If-None-Match` matches the current `ETag`; no body." };
                versioned.Add("304");
            }
            foreach (var (status, response) in operation.Responses!.Select(r => (r.Key, (OpenApiResponse)r.Value)))
            {
                var headers = response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                void Declare(string name) => headers[name] = new OpenApiHeaderReference(name, context.Document);
                if (versioned.Contains(status))
                {
                    Declare(HeaderNames.ETag);
                }

                if (status == "201")
                {
                    Declare(HeaderNames.Location);
                }

                if (status.StartsWith('2') && context.ApiDescription.HttpMethod == "POST")
                {
                    Declare(IdempotencyMiddleware.ReplayedHeader);
                }

                if (status is "429" or "503")
                {
                    Declare(HeaderNames.RetryAfter);
                }

                if (headers.Count == 0)
                {
                    response.Headers = null;
                }
            }
        }

        /// <summary>The bounds PageRequestValidator enforces, as schema constraints a client can check before asking.</summary>
        private static void BoundPaging(OpenApiOperation operation)
        {
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query))
            {
                var (max, @default) = parameter.Name switch
                {
                    "page" => (PageRequest.MaxPage, 1),
                    "pageSize" => (PageRequest.MaxPageSize, PageRequest.DefaultPageSize),
                    _ => (0, 0),
                };
                if (max > 0 && parameter.Schema is OpenApiSchema schema)
                {
                    schema.Minimum = "1";
                    schema.Maximum = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    schema.Default = @default;
                }
            }
        }

        /// <summary>
        /// One problem+json response per status, its description naming each slug it can carry, and the full <c>type</c> URIs
        /// in <c>x-problem-types</c> (the API tests check every problem they provoke against both).
        /// </summary>
        private static void DeclareProblems(OpenApiOperation operation, OperationFilterContext context, IEnumerable<ProblemType> problems)
        {
            var schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
            var byStatus = problems.OrderBy(p => p.Status).ThenBy(p => p.Slug, StringComparer.Ordinal).GroupBy(p => p.Status).ToList();
            operation.Responses ??= [];
            foreach (var status in byStatus)
            {
                operation.Responses[status.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
                {
                    // A slug some places title differently (too-many-requests, payload-too-large) is listed once with each title.
                    Description = string.Join("; ", status.GroupBy(p => p.Slug).Select(s => $"`{s.Key}`: {string.Join(" / ", s.Select(p => p.Title).Distinct())}")),
                    Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
                };
            }

            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions[ProblemTypesExtension] =
                new JsonNodeExtension(new JsonArray([.. byStatus.SelectMany(s => s).Select(p => p.Uri).Distinct().Select(uri => JsonValue.Create(uri))]));
        }
    }

    /// <summary>
    /// Document-wide: the server (paths are absolute, so the API's own origin), module tag descriptions, the members
    /// ProblemDetails really carries (traceId always, errors on validation failures), and no single-member allOf
    /// (UseAllOfToExtendReferenceSchemas wraps every $ref; only a nullable enum needs more than the $ref itself).
    /// </summary>
    private sealed class DocumentConventionsFilter : IDocumentFilter
    {
        public void Apply(OpenApiDocument document, DocumentFilterContext context)
        {
            document.Servers = [new OpenApiServer { Url = "/", Description = "The origin serving this document" }];
            document.Components!.Headers = ResponseHeaders;
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            {
                tag.Description = ModuleDescriptions.GetValueOrDefault(tag.Name!);
            }

            if (document.Components?.Schemas?.TryGetValue(nameof(ProblemDetails), out var found) == true && found is OpenApiSchema problem)
            {
                foreach (var (name, description) in ProblemMembers)
                {
                    if (problem.Properties!.TryGetValue(name, out var member) && member is OpenApiSchema described)
                    {
                        described.Description = description;
                    }
                }

                problem.Properties!["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Links this response to the server log; quote it to support." };
                problem.Properties["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "On validation failures (400): the JSON path of each invalid field and its messages.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                };
            }

            foreach (var schema in (document.Components?.Schemas?.Values ?? []).OfType<OpenApiSchema>())
            {
                foreach (var name in (schema.Properties?.Keys ?? []).ToList())
                {
                    schema.Properties![name] = Unwrap(schema.Properties[name], document);
                }
            }

            foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
            {
                foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.Schema is not null))
                {
                    parameter.Schema = Unwrap(parameter.Schema!, document);
                }

                foreach (var media in (operation.RequestBody?.Content?.Values ?? []).OfType<OpenApiMediaType>().Where(m => m.Schema is not null))
                {
                    media.Schema = Unwrap(media.Schema!, document);
                }
            }
        }

        private static IOpenApiSchema Unwrap(IOpenApiSchema schema, OpenApiDocument document)
        {
            // A description beside a $ref (the XML summary of the referenced type, copied) is dropped: the target carries it.
            if (schema is not OpenApiSchema { AllOf: [OpenApiSchemaReference reference] } wrapper)
            {
                return schema;
            }

            if (wrapper.Type is null)
            {
                return reference;
            }

            // Nullable: OpenAPI 3.0 cannot put "nullable" beside a $ref, so a nullable enum is spelled out in place, and a
            // nullable object is its plain $ref: such a property is left out of the JSON when null (JsonIgnore WhenWritingNull), never required.
            var target = document.Components!.Schemas![reference.Reference.Id!] as OpenApiSchema;
            return wrapper.Type == JsonSchemaType.Null && target is { Enum.Count: > 0 }
                ? new OpenApiSchema { Type = target.Type | JsonSchemaType.Null, Enum = [.. target.Enum, null!], Description = wrapper.Description ?? target.Description }
                : wrapper.Type == JsonSchemaType.Null && target is { Type: JsonSchemaType.Object } ? reference : schema;
        }
    }
}
