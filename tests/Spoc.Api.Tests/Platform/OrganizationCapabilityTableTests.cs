using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AwesomeAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Api.Tests.Integrations;
using Spoc.Api.Tests.Persistence;
using Spoc.Modules.Platform.Contracts;

namespace Spoc.Api.Tests.Platform;

/// <summary>
/// The organisation and platform table of docs/capabilities.md, read from the docs and played against the API: every
/// Platform route under /organizations, /users and /system (found in the running app) × the six people of one organisation.
/// A call that is allowed works on something of its own (a fresh member to remove, a throwaway organisation to suspend,
/// a throwaway account to disable), so that no cell changes what the others see.
/// </summary>
public sealed partial class OrganizationCapabilityTableTests
{
    private static readonly string[] People = ["platform admin", "org admin", "trainer", "mentor", "learner", "outsider"];

    private SpocApiFactory _factory = null!;
    private readonly Dictionary<string, HttpClient> _as = [];
    private Guid _organizationId;
    private Guid _learnerId;
    private Guid? _sharedApiClient;
    private Guid? _sharedWebhook;
    private Guid? _sharedDelivery;

    private static IReadOnlyDictionary<string, string[]> Table { get; } = ReadTable();

    [OneTimeSetUp]
    public async Task SeedTheOrganisation()
    {
        _factory = new SpocApiFactory(new Dictionary<string, string?> { ["Webhooks:Send"] = "false" });
        _as["platform admin"] = await _factory.AdminClientAsync();
        _organizationId = await _as["platform admin"].CreateOrganizationAsync();
        _as["org admin"] = (await _factory.PeopleAsync(1, "org-admin", _organizationId, OrganizationRole.OrgAdmin)).Single().Client;
        _as["trainer"] = (await _factory.PeopleAsync(1, "trainer", _organizationId, OrganizationRole.Trainer)).Single().Client;
        _as["mentor"] = (await _factory.PeopleAsync(1, "mentor", _organizationId, OrganizationRole.Mentor)).Single().Client;
        (_as["learner"], _learnerId, _) = (await _factory.PeopleAsync(1, "learner", _organizationId)).Single();
        var elsewhere = await _as["platform admin"].CreateOrganizationAsync();
        _as["outsider"] = (await _factory.PeopleAsync(1, "other-admin", elsewhere, OrganizationRole.OrgAdmin)).Single().Client;
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    public static IEnumerable<TestCaseData> Cells() =>
        from row in Table
        from i in Enumerable.Range(0, People.Length)
        select new TestCaseData(row.Key, People[i], row.Value[i]).SetName($"{row.Key} as {People[i]}: {row.Value[i]}");

    [TestCaseSource(nameof(Cells))]
    public async Task Each_person_gets_what_the_table_says(string route, string person, string cell)
    {
        var (method, path, body) = await RequestForAsync(route);
        using var request = new HttpRequestMessage(method, "/api/v1" + path) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await _as[person].SendAsync(request);

        if (cell.StartsWith("403", StringComparison.Ordinal))
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        }
        else if (cell.StartsWith("404", StringComparison.Ordinal))
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        }
        else
        {
            ((int)response.StatusCode).Should().BeOneOf([200, 201, 202, 204], $"{person} may call {route} ({cell}); it answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Test]
    public void Every_organisation_and_platform_route_of_the_app_is_in_the_table_and_every_row_is_a_route()
    {
        using var client = _factory.CreateClient();
        var routes = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Template: Template(e.RoutePattern.RawText ?? "")))
            .Where(e => e.Template is "/organizations" or "/system" || e.Template.Contains("{orgId}", StringComparison.Ordinal) || e.Template.StartsWith("/users", StringComparison.Ordinal)
                || e.Template.StartsWith("/webhooks", StringComparison.Ordinal))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.Template}"))
            .ToHashSet();

        routes.Should().NotBeEmpty();
        routes.Except(Table.Keys).Should().BeEmpty("every organisation or platform route must have its row in docs/capabilities.md");
        Table.Keys.Except(routes).Should().BeEmpty("every row of that table must be a route of the app");
    }

    private async Task<(HttpMethod Method, string Path, object? Body)> RequestForAsync(string route)
    {
        var o = $"/organizations/{_organizationId}";
        var split = route.Split(' ', 2);
        var method = new HttpMethod(split[0]);
        (string Path, object? Body) request = split[1] switch
        {
            "/organizations" => ("/organizations", method == HttpMethod.Post ? new { name = "Organisation du tableau", slug = "tableau-" + Guid.NewGuid().ToString("N")[..8] } : null),
            "/organizations/{orgId}" => (o, method == HttpMethod.Put ? new { name = "Organisation du tableau" } : null),
            "/organizations/{orgId}/members" => ($"{o}/members", method == HttpMethod.Post ? new { email = TestApi.UniqueEmail("invitee"), role = "Learner" } : null),

            // The learner keeps their role; each removal removes a member of its own.
            "/organizations/{orgId}/members/{userId}" => method == HttpMethod.Delete
                ? ($"{o}/members/{(await _factory.PeopleAsync(1, "leaving", _organizationId)).Single().Id}", null)
                : ($"{o}/members/{_learnerId}", new { role = "Learner" }),
            "/organizations/{orgId}/suspend" or "/organizations/{orgId}/reactivate" =>
                ($"/organizations/{await _as["platform admin"].CreateOrganizationAsync()}/{split[1].Split('/')[^1]}", null),
            "/organizations/{orgId}/api-clients" => ($"{o}/api-clients", method == HttpMethod.Post ? new { name = "SIRH du tableau", scopes = new[] { "cohorts:read" } } : null),

            // One client is read, renamed and rotated by every cell; each revocation revokes one of its own.
            "/organizations/{orgId}/api-clients/{clientId}" or "/organizations/{orgId}/api-clients/{clientId}/rotate" =>
                ($"{o}/api-clients/{await SharedApiClientAsync()}{split[1]["/organizations/{orgId}/api-clients/{clientId}".Length..]}",
                    method == HttpMethod.Put ? new { name = "SIRH renommé", scopes = new[] { "grades:read" } } : method == HttpMethod.Post ? new { overlapHours = 0 } : null),
            "/organizations/{orgId}/api-clients/{clientId}/revoke" => ($"{o}/api-clients/{(await _as["org admin"].CreateApiClientAsync(_organizationId, "cohorts:read")).ClientId}/revoke", null),
            "/organizations/{orgId}/webhooks" => ($"{o}/webhooks", method == HttpMethod.Post ? Webhook : null),

            // One webhook is read, changed, rotated, enabled and pinged by every cell; each deletion deletes one of its own.
            "/webhooks/{webhookId}" when method == HttpMethod.Delete => ($"/webhooks/{await NewWebhookAsync()}", null),
            "/webhooks/{webhookId}" or "/webhooks/{webhookId}/rotate-secret" or "/webhooks/{webhookId}/enable" or "/webhooks/{webhookId}/ping"
                or "/webhooks/{webhookId}/deliveries" =>
                ($"/webhooks/{await SharedWebhookAsync()}{split[1]["/webhooks/{webhookId}".Length..]}", method == HttpMethod.Put ? Webhook : method == HttpMethod.Post ? new { overlapHours = 0 } : null),
            "/webhooks/{webhookId}/deliveries/{deliveryId}" or "/webhooks/{webhookId}/deliveries/{deliveryId}/resend" =>
                ($"/webhooks/{await SharedWebhookAsync()}/deliveries/{await SharedDeliveryAsync()}{split[1]["/webhooks/{webhookId}/deliveries/{deliveryId}".Length..]}", null),
            "/users" => ("/users?q=learner", null),
            "/users/{userId}/disable" or "/users/{userId}/enable" or "/users/{userId}/password-reset" =>
                ($"/users/{(await _factory.NewUserAsync("throwaway")).UserId}/{split[1].Split('/')[^1]}", null),
            "/system" => ("/system", null),
            _ => throw new InvalidOperationException($"No request written for the row {route}: add one here."),
        };
        return (method, request.Path, request.Body);
    }

    // A public address written as such: no name to resolve here, and the sender is off (Webhooks:Send=false), so nothing leaves.
    private static readonly object Webhook = new { url = "https://93.184.215.14/hooks", eventTypes = new[] { "enrolment.created" }, paused = false };

    private async Task<Guid> NewWebhookAsync()
    {
        var response = await _as["org admin"].PostAsJsonAsync($"/api/v1/organizations/{_organizationId}/webhooks", Webhook);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["webhookId"]!.GetValue<Guid>();
    }

    private async Task<Guid> SharedWebhookAsync() => _sharedWebhook ??= await NewWebhookAsync();

    private async Task<Guid> SharedDeliveryAsync() =>
        _sharedDelivery ??= (await (await _as["org admin"].PostAsync($"/api/v1/webhooks/{await SharedWebhookAsync()}/ping", null)).ReadJsonAsync())["deliveryId"]!.GetValue<Guid>();

    private async Task<Guid> SharedApiClientAsync() =>
        _sharedApiClient ??= (await _as["org admin"].CreateApiClientAsync(_organizationId, "cohorts:read")).ClientId;

    /// <summary>"/api/v1/organizations/{orgId:guid}/members" → "/organizations/{orgId}/members", as the docs write routes.</summary>
    private static string Template(string raw) => Constraint().Replace(raw, "{$1}").Replace("/api/v1", "", StringComparison.Ordinal);

    private static Dictionary<string, string[]> ReadTable()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "docs", "capabilities.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| organisation or platform route |", StringComparison.Ordinal));
        header.Should().BeGreaterThan(0, "docs/capabilities.md holds the organisation and platform table");
        return lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .ToDictionary(cells => cells[0].Trim('`'), cells => cells.Length == People.Length + 1 ? cells[1..] : throw new FormatException($"{cells[0]}: one cell per person"));
    }

    [GeneratedRegex(@"\{(\w+):[^}]*\}")]
    private static partial Regex Constraint();
}
