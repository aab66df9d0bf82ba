using System.Net;
using System.Text.RegularExpressions;
using AwesomeAssertions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Api.Tests.Persistence;
using Spoc.SharedKernel.Security;

namespace Spoc.Api.Tests.Integrations;

/// <summary>
/// The scope table of docs/integrations.md, read from the docs and played against the running app: the routes that accept
/// API clients' tokens are exactly its rows, each opens to its scopes and to no other, and every other protected route
/// refuses a client whatever its scopes (403 insufficient-scope: authorization runs before anything reads the request).
/// </summary>
public sealed partial class ClientScopeTableTests
{
    private SpocApiFactory _factory = null!;
    private Guid _organizationId;
    private HttpClient _admin = null!;
    private (Guid Id, string Secret) _client;

    private static IReadOnlyDictionary<string, string[]> Table { get; } = ReadTable();

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new SpocApiFactory(new Dictionary<string, string?> { ["RateLimiting:ApiPermitsPerClient"] = "100000" });
        _admin = await _factory.AdminClientAsync();
        _organizationId = await _admin.CreateOrganizationAsync();
        _client = await _admin.CreateApiClientAsync(_organizationId, ApiClients.AllScopes);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public void The_routes_that_declare_scopes_are_the_rows_of_the_table_with_the_same_scopes()
    {
        var declared = Endpoints().Where(e => e.Scopes.Count > 0).ToDictionary(e => e.Route, e => e.Scopes.Order().ToArray());
        declared.Should().NotBeEmpty();
        declared.Keys.Except(Table.Keys).Should().BeEmpty("every route that takes API clients has its row in docs/integrations.md");
        Table.Keys.Except(declared.Keys).Should().BeEmpty("every row of that table is a route that takes API clients");
        foreach (var (route, scopes) in Table)
        {
            declared[route].Should().Equal(scopes.Order(), route);
        }

        Table.Values.SelectMany(s => s).Distinct().Except(Scopes.All.Keys).Should().BeEmpty("the table names only scopes that exist");
    }

    [Test]
    public async Task Every_other_protected_route_refuses_a_client_holding_every_scope()
    {
        var system = await _factory.AsApiClientAsync(_client.Id, _client.Secret);
        var refused = Endpoints().Where(e => e.Scopes.Count == 0).ToList();
        refused.Count.Should().BeGreaterThan(100, "the walk covers the whole protected API");
        foreach (var (route, _) in refused)
        {
            var (method, path) = Concrete(route);
            var response = await system.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/v1" + path));
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "insufficient-scope");
            response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer error=\"insufficient_scope\"", route);
        }
    }

    public static IEnumerable<TestCaseData> Rows() => Table.Select(row => new TestCaseData(row.Key, row.Value).SetName($"{row.Key} takes {string.Join(" or ", row.Value)}"));

    [TestCaseSource(nameof(Rows))]
    public async Task Each_row_opens_to_its_scopes_and_to_no_other(string route, string[] scopes)
    {
        var (method, path) = Concrete(route);
        var without = await _factory.AsApiClientAsync(_client.Id, _client.Secret, string.Join(' ', ApiClients.AllScopes.Except(scopes)));
        await (await without.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/v1" + path))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "insufficient-scope");
        foreach (var scope in scopes)
        {
            var with = await _factory.AsApiClientAsync(_client.Id, _client.Secret, scope);
            var response = await with.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/v1" + path));
            response.StatusCode.Should().NotBe(HttpStatusCode.Forbidden, $"{scope} opens {route}: {await response.Content.ReadAsStringAsync()}");
            response.StatusCode.Should().NotBe(HttpStatusCode.Unauthorized);
        }
    }

    /// <summary>Every protected route of the app under /api/v1 with the scopes it declares, written as the docs write routes.</summary>
    private IEnumerable<(string Route, IReadOnlyList<string> Scopes)> Endpoints() =>
        _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<IAuthorizeData>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
                ($"{m} {Constraint().Replace(e.RoutePattern.RawText!, "{$1}")["/api/v1".Length..]}", e.Metadata.GetMetadata<ClientScopesMetadata>()?.Scopes ?? (IReadOnlyList<string>)[])));

    /// <summary>A request the route matches: any id will do, since the answer under test comes before the handler.</summary>
    private static (string Method, string Path) Concrete(string route)
    {
        var split = route.Split(' ', 2);
        return (split[0], Parameter().Replace(split[1], _ => Guid.NewGuid().ToString()));
    }

    private static Dictionary<string, string[]> ReadTable()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "docs", "integrations.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| route | scopes |", StringComparison.Ordinal));
        header.Should().BeGreaterThan(0, "docs/integrations.md holds the scope table");
        return lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .ToDictionary(cells => cells[0].Trim('`'), cells => cells[1].Split(',').Select(s => s.Trim().Trim('`')).Order().ToArray());
    }

    [GeneratedRegex(@"\{(\w+):[^}]*\}")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Parameter();
}
