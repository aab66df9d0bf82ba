using System.Text.Json.Nodes;
using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Api.Tests.Persistence;

namespace Spoc.Api.Tests.Conventions;

public sealed class OpenApiDocumentTests
{
    private SpocApiFactory _factory = null!;
    private JsonObject _served = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory();
        _served = JsonNode.Parse(await _factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public void The_committed_document_matches_the_code()
    {
        var committed = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "docs", "openapi.json")))!;

        JsonNode.DeepEquals(committed, _served).Should().BeTrue("docs/openapi.json is stale: run scripts/openapi.sh and commit it");
    }

    [Test]
    public void Every_operation_has_an_id_a_summary_a_module_tag_and_its_errors()
    {
        var operations = Operations().ToList();
        operations.Should().NotBeEmpty();
        operations.Select(o => o.Operation["operationId"]?.GetValue<string>()).Should().OnlyHaveUniqueItems().And.NotContainNulls();

        foreach (var (name, operation) in operations)
        {
            operation["summary"]?.GetValue<string>().Should().NotBeNullOrWhiteSpace(name);
            operation["tags"]!.AsArray().Select(t => t!.GetValue<string>()).Should().ContainSingle(name)
                .Which.Should().BeOneOf("Platform", "Cohorts", "Courses", "Assessment", "Community", "Certification", "FollowUp", "Integrations");
            var responses = operation["responses"]!.AsObject();
            responses.Should().ContainKeys(["429", "500", "503"]);
            responses.Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5'))
                .Should().OnlyContain(r => r.Value!["content"]!["application/problem+json"] != null, name);
        }
    }

    [Test]
    public void Protected_operations_declare_the_bearer_scheme_and_401()
    {
        _served["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>().Should().Be("bearer");
        var anonymous = new[] { "RegisterUser", "IssueToken", "RefreshToken", "VerifyEmail", "RequestPasswordReset", "ResetPassword", "GetMyCalendarFile", "GetCohortCalendarFile",
            "GetJwks", "GetCredentialStatusList", "GetCredentialIssuer", "VerifyCertificate",
            "GetPublicCohort" };

        foreach (var (name, operation) in Operations())
        {
            var security = operation["security"].Should().BeOfType<JsonArray>("anonymous operations say security: [] explicitly").Subject;
            (security.Count > 0).Should().Be(!anonymous.Contains(name), name);
            if (security.Count > 0)
            {
                operation["responses"]!.AsObject().Should().ContainKey("401", name);
            }
        }
    }

    [Test]
    public void Every_update_is_conditional_on_If_Match()
    {
        var updates = _served["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(op => op.Key is "put" or "patch").Select(op => op.Value!.AsObject()))
            .ToList();
        updates.Should().NotBeEmpty();

        foreach (var operation in updates)
        {
            var name = operation["operationId"]!.GetValue<string>();
            (operation["parameters"]?.AsArray() ?? []).Should().Contain(p => p!["name"]!.GetValue<string>() == "If-Match" && p["in"]!.GetValue<string>() == "header",
                $"{name} changes a resource: it takes If-Match (db.Expect) and returns the new ETag (IVersioned)");
            operation["responses"]!.AsObject().Should().ContainKey("412", name);
        }
    }

    [Test]
    public void The_document_names_its_server_licence_contact_and_what_each_module_tag_covers()
    {
        _served["servers"]!.AsArray().Select(s => s!["url"]!.GetValue<string>()).Should().Equal("/");
        _served["info"]!["license"]!["name"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        _served["info"]!["contact"]!["name"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        _served["tags"]!.AsArray().Should().NotBeEmpty().And
            .OnlyContain(t => !string.IsNullOrWhiteSpace((string?)t!["description"]), "every module tag has a line in OpenApi.ModuleDescriptions");
    }

    [Test]
    public void Responses_declare_the_headers_the_pipeline_writes()
    {
        foreach (var (name, operation) in Operations())
        {
            var responses = operation["responses"]!.AsObject();
            foreach (var (status, response) in responses.Where(r => r.Key is "429" or "503"))
            {
                response!["headers"]?["Retry-After"].Should().NotBeNull($"{name} {status}: rate limiter, sign-in throttle and outage handler set it");
            }

            if (responses["201"] is { } created)
            {
                created["headers"]?["Location"].Should().NotBeNull($"{name} answers TypedResults.Created");
            }

            if (operation["parameters"]?.AsArray().Any(p => (string?)p!["name"] == "Idempotency-Key") == true)
            {
                responses.Where(r => r.Key.StartsWith('2')).Should()
                    .OnlyContain(r => r.Value!["headers"]!["Idempotent-Replayed"] != null, $"{name} accepts Idempotency-Key and may replay");
            }
        }

        var cohort = _served["paths"]!["/api/v1/cohorts/{cohortId}"]!;
        cohort["get"]!["responses"]!["200"]!["headers"]?["ETag"].Should().NotBeNull("Cohort is IVersioned");
        cohort["put"]!["responses"]!["200"]!["headers"]?["ETag"].Should().NotBeNull("an update returns the new version");
        _served["paths"]!["/api/v1/cohorts"]!["get"]!["responses"]!["200"]!["headers"].Should().BeNull("a page of cohorts has no version");
    }

    [Test]
    public void Problem_details_carry_trace_id_and_field_errors()
    {
        var properties = _served["components"]!["schemas"]!["ProblemDetails"]!["properties"]!.AsObject();

        properties.Should().ContainKey("traceId");
        properties["errors"]!["additionalProperties"]!["items"]!["type"]!.GetValue<string>().Should().Be("string");
    }

    [Test]
    public void Paging_parameters_state_their_bounds()
    {
        var paging = Operations()
            .SelectMany(o => o.Operation["parameters"]?.AsArray() ?? [])
            .Where(p => (string?)p!["name"] is "page" or "pageSize")
            .Select(p => p!["schema"]!)
            .ToList();
        paging.Should().NotBeEmpty();

        paging.Should().OnlyContain(s => (int)s["minimum"]! == 1 && s["maximum"] != null && s["default"] != null);
        paging.Where(s => (int)s["maximum"]! == 100).Should().OnlyContain(s => (int)s["default"]! == 20).And.NotBeEmpty();
    }

    [Test]
    public void No_composition_wraps_a_single_schema()
    {
        // Redocly's no-illogical-composition-keywords: a one-member allOf is a $ref in disguise.
        Descendants(_served).OfType<JsonObject>()
            .Where(o => o["allOf"] is JsonArray { Count: 1 } || o["oneOf"] is JsonArray { Count: 1 } || o["anyOf"] is JsonArray { Count: 1 })
            .Select(o => o.GetPath())
            .Should().BeEmpty();
    }

    [Test]
    public void Every_webhook_event_type_is_described_with_its_payload_and_signature_headers()
    {
        var webhooks = _served["x-webhooks"]!.AsObject();
        webhooks.Select(w => w.Key).Should().BeEquivalentTo([.. Spoc.Modules.Integrations.Contracts.WebhookEventTypes.All.Keys, "webhook.ping"]);
        foreach (var (type, item) in webhooks)
        {
            var post = item!["post"]!;
            post["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Should().BeEquivalentTo(["webhook-id", "webhook-timestamp", "webhook-signature"], type);
            var schemaId = post["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>().Split('/')[^1];
            var envelope = _served["components"]!["schemas"]![schemaId]!;
            envelope["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain(["type", "version", "timestamp", "organizationId", "data"], type);
            envelope["properties"]!["data"]!["$ref"]!.GetValue<string>().Should().StartWith("#/components/schemas/", $"{type}'s data has a schema of its own");
        }
    }

    [Test]
    public void Schema_names_read_as_resources_not_server_classes()
    {
        // A feature is a verb and what it acts on (CreateCohort, ListMembers); its records are Command, Query, Request,
        // Response...: a name built from either is a class name leaking out (OpenApiSchemas names them).
        var serverClass = new System.Text.RegularExpressions.Regex(
            "(Command|Query|Response|Request|Result|Dto|Input|Item)$|^(Get|List|Create|Update|Add|Set|Delete|Remove|Decide|Enrol|Invite|Apply|Accept|Decline|Mark|Register|Issue|Reset|Verify|Upload|Change|Assign|Name|Auto|PagedResult)[A-Z]");

        var names = _served["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();

        names.Should().Contain(["Cohort", "CohortCreate", "CohortUpdate", "CohortPage", "ScheduledActivity", "Application", "ApplicationDecision"]);
        names.Where(n => serverClass.IsMatch(n)).Should().BeEmpty("schema names are what integrators' generated types are called");
    }

    [Test]
    public void Schemas_state_the_validators_rules_and_the_business_rules_and_request_bodies_have_examples()
    {
        var schemas = _served["components"]!["schemas"]!;
        var create = schemas["CohortCreate"]!["properties"]!;
        ((int)create["title"]!["maxLength"]!).Should().Be(200, "CohortSettingsValidator: MaximumLength(200)");
        ((int)create["capacity"]!["minimum"]!, (int)create["capacity"]!["maximum"]!).Should().Be((1, 200));
        ((string)create["endsOn"]!["description"]!).Should().Contain("after `startsOn`");
        ((string)create["timeZone"]!["description"]!).Should().Contain("IANA");
        ((int)schemas["ApplicationCreate"]!["properties"]!["motivation"]!["minLength"]!).Should().Be(1, "NotEmpty");
        ((string)schemas["InvitationCreate"]!["properties"]!["email"]!["format"]!).Should().Be("email");
        ((string)schemas["ActivityDefinition"]!["properties"]!["url"]!["format"]!).Should().Be("uri", "Rules.HttpUrl");
        ((int)schemas["CompetencyDefinition"]!["properties"]!["code"]!["maxLength"]!).Should().Be(20, "reached through RuleForEach + ChildRules");
        ((int)schemas["EnrolmentBatch"]!["properties"]!["emails"]!["items"]!["maxLength"]!).Should().Be(254, "RuleForEach constrains the items");
        ((int)create["organizationIds"]!["maxItems"]!).Should().Be(50, "Rules.MaxItems");
        ((string)schemas["OrganizationCreate"]!["properties"]!["slug"]!["pattern"]!).Should().Be("^[a-z0-9]+(-[a-z0-9]+)*$");

        foreach (var (name, operation) in Operations().Where(o => o.Operation["requestBody"]?["content"]?["application/json"] is not null))
        {
            operation["requestBody"]!["content"]!["application/json"]!["example"].Should().BeOfType<JsonObject>(name);
        }
    }

    [Test]
    public void File_downloads_are_binary_and_versioned_reads_declare_304()
    {
        var download = _served["paths"]!["/api/v1/cohorts/{cohortId}/activities/{activityId}/file"]!["get"]!["responses"]!["200"]!["content"]!.AsObject();
        download.Should().ContainKeys("application/pdf", "image/png", "text/csv");
        download.Should().OnlyContain(m => (string?)m.Value!["schema"]!["format"] == "binary");

        var read = _served["paths"]!["/api/v1/cohorts/{cohortId}"]!["get"]!;
        read["parameters"]!.AsArray().Should().Contain(p => (string?)p!["name"] == "If-None-Match");
        read["responses"]!["304"]!["headers"]!["ETag"].Should().NotBeNull();
        _served["paths"]!["/api/v1/cohorts"]!["get"]!["responses"]!["304"].Should().BeNull("a page has no version");
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) =>
        node switch
        {
            JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
            JsonArray a => a.OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
            _ => [node],
        };

    private IEnumerable<(string Name, JsonObject Operation)> Operations() =>
        _served["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Select(op => (op.Value!["operationId"]?.GetValue<string>() ?? $"{op.Key} {path.Key}", op.Value!.AsObject())));
}
