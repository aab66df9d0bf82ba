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
                .Which.Should().BeOneOf("Platform", "Cohorts", "Courses", "Assessment", "Community", "Certification");
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
        var anonymous = new[] { "RegisterUser", "IssueToken", "RefreshToken", "VerifyEmail", "RequestPasswordReset", "ResetPassword" };

        foreach (var (name, operation) in Operations())
        {
            var isProtected = operation["security"] is JsonArray { Count: > 0 };
            isProtected.Should().Be(!anonymous.Contains(name), name);
            if (isProtected)
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

    private IEnumerable<(string Name, JsonObject Operation)> Operations() =>
        _served["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Select(op => (op.Value!["operationId"]?.GetValue<string>() ?? $"{op.Key} {path.Key}", op.Value!.AsObject())));
}
