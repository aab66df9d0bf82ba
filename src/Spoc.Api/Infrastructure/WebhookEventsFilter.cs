using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Spoc.Modules.Integrations.Contracts;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Spoc.Api.Infrastructure;

/// <summary>
/// The requests Spoc sends to subscribers' webhooks, described like the operations integrators call: one schema per event
/// type (its envelope and data) and an <c>x-webhooks</c> map, the OpenAPI 3.0 form of 3.1's <c>webhooks</c> that Redoc and
/// Redocly read, each with the Standard Webhooks headers a receiver verifies (docs/integrations.md).
/// </summary>
internal sealed class WebhookEventsFilter : IDocumentFilter
{
    private static readonly (string Name, string Description)[] Headers =
    [
        ("webhook-id", "The message id (`msg_…`): the same on every retry and resend; drop a message you have already handled."),
        ("webhook-timestamp", "When this attempt was signed, in Unix seconds; refuse one more than 5 minutes from your clock."),
        ("webhook-signature", "`v1,` and the base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}`, keyed with the secret's base64 after `whsec_`; during a rotation one per secret, space-separated, the newest first."),
    ];

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var events = WebhookEventTypes.All.Select(e => (Type: e.Key, e.Value.Data, e.Value.Description))
            .Append((Type: WebhookEventTypes.Ping, Data: typeof(PingData), Description: "A test event sent by POST /webhooks/{webhookId}/ping."));
        var webhooks = new JsonObject();
        foreach (var (type, data, description) in events)
        {
            var envelope = (OpenApiSchemaReference)context.SchemaGenerator.GenerateSchema(typeof(WebhookEnvelope<>).MakeGenericType(data), context.SchemaRepository);
            // A generic member's nullability is unknown to the generator: every event has its data.
            var schema = (OpenApiSchema)context.SchemaRepository.Schemas[envelope.Reference.Id!];
            schema.Properties!["data"] = context.SchemaGenerator.GenerateSchema(data, context.SchemaRepository);
            schema.Required!.Add("data");
            webhooks[type] = new JsonObject
            {
                ["post"] = new JsonObject
                {
                    ["operationId"] = "Receive" + string.Concat(type.Split('.').Select(w => char.ToUpperInvariant(w[0]) + w[1..])),
                    ["summary"] = description,
                    ["description"] = $"Spoc POSTs this to each enabled webhook subscribed to `{type}`, signed per Standard Webhooks. Answer 2xx within 10 s; "
                        + "anything else is retried with backoff, in order per learner and cohort (docs/integrations.md).",
                    ["tags"] = new JsonArray("Integrations"),
                    ["parameters"] = new JsonArray([.. Headers.Select(h => (JsonNode)new JsonObject
                    {
                        ["name"] = h.Name, ["in"] = "header", ["required"] = true, ["description"] = h.Description, ["schema"] = new JsonObject { ["type"] = "string" },
                    })]),
                    ["requestBody"] = new JsonObject
                    {
                        ["required"] = true,
                        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{envelope.Reference.Id}" } } },
                    },
                    ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "Received (any 2xx will do)." } },
                    ["security"] = new JsonArray(),
                },
            };
        }

        document.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        document.Extensions["x-webhooks"] = new JsonNodeExtension(webhooks);
    }
}
