using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using AwesomeAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.Modules.Integrations.Delivery;

namespace Spoc.Api.Tests.Integrations;

/// <summary>The server-side request forgery guard (ADR 0048): at registration, and again at each connection.</summary>
public sealed class WebhookSsrfTests
{
    /// <summary>Names the tests point where they like, as an attacker's DNS would.</summary>
    private sealed class ScriptedDns : IWebhookDnsResolver
    {
        public ConcurrentDictionary<string, IPAddress[]> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
            Task.FromResult(IPAddress.TryParse(host, out var literal) ? [literal] : Names.TryGetValue(host, out var addresses) ? addresses : throw new System.Net.Sockets.SocketException(11001));
    }

    [TestCase("10.1.2.3"), TestCase("172.16.0.1"), TestCase("192.168.1.1"), TestCase("127.0.0.1"), TestCase("169.254.169.254"), TestCase("100.64.0.1"),
     TestCase("0.0.0.0"), TestCase("224.0.0.1"), TestCase("255.255.255.255"), TestCase("198.18.0.1"), TestCase("::1"), TestCase("::"), TestCase("fd00::1"),
     TestCase("fe80::1"), TestCase("ff02::1"), TestCase("::ffff:10.0.0.1"), TestCase("::ffff:127.0.0.1"), TestCase("64:ff9b::a00:1"), TestCase("2002:a00:1::"), TestCase("2001:db8::1")]
    public void Internal_addresses_are_forbidden(string address) =>
        WebhookAddressGuard.IsForbidden(IPAddress.Parse(address), allowLoopback: false).Should().BeTrue();

    [TestCase("93.184.215.14"), TestCase("8.8.8.8"), TestCase("2606:4700:4700::1111"), TestCase("::ffff:8.8.8.8")]
    public void Public_addresses_pass(string address) =>
        WebhookAddressGuard.IsForbidden(IPAddress.Parse(address), allowLoopback: false).Should().BeFalse();

    [Test]
    public void The_loopback_switch_lets_loopback_through_and_nothing_else()
    {
        WebhookAddressGuard.IsForbidden(IPAddress.Parse("127.0.0.1"), allowLoopback: true).Should().BeFalse();
        WebhookAddressGuard.IsForbidden(IPAddress.IPv6Loopback, allowLoopback: true).Should().BeFalse();
        WebhookAddressGuard.IsForbidden(IPAddress.Parse("10.0.0.1"), allowLoopback: true).Should().BeTrue();
        WebhookAddressGuard.IsForbidden(IPAddress.Parse("169.254.169.254"), allowLoopback: true).Should().BeTrue();
    }

    [TestCase("https://127.0.0.1/hooks"), TestCase("https://10.1.2.3/hooks"), TestCase("https://169.254.169.254/latest/meta-data"), TestCase("https://[::1]/hooks"),
     TestCase("https://localhost/hooks"), TestCase("https://private.test/hooks"), TestCase("http://93.184.215.14/hooks"), TestCase("https://user:pass@93.184.215.14/hooks"),
     TestCase("https://mixed.test/hooks"), TestCase("ftp://93.184.215.14/hooks"), TestCase("https://nowhere.test/hooks")]
    public async Task A_webhook_to_an_internal_address_is_refused_with_the_reason(string url)
    {
        var dns = new ScriptedDns();
        dns.Names["private.test"] = [IPAddress.Parse("10.0.0.7")];
        dns.Names["mixed.test"] = [IPAddress.Parse("93.184.215.14"), IPAddress.Parse("192.168.0.2")]; // one bad record is enough
        using var factory = Guarded(dns);
        var admin = await factory.AdminClientAsync();
        var organizationId = await admin.CreateOrganizationAsync();

        var response = await admin.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/webhooks", new { url, eventTypes = new[] { "grade.released" } });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "webhook-url-forbidden");
        problem["errors"]!["url"]![0]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
    }

    [Test]
    public async Task A_name_rebound_to_the_metadata_address_after_registration_is_refused_at_connection()
    {
        var dns = new ScriptedDns();
        dns.Names["hooks.example.test"] = [IPAddress.Parse("93.184.215.14")];
        using var factory = Guarded(dns, ("Webhooks:PollingInterval", "00:00:00.200"));
        var admin = await factory.AdminClientAsync();
        var organizationId = await admin.CreateOrganizationAsync();
        var created = await admin.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/webhooks", new { url = "https://hooks.example.test/in", eventTypes = new[] { "grade.released" } });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var webhookId = (await created.ReadJsonAsync())["webhookId"]!.GetValue<Guid>();

        dns.Names["hooks.example.test"] = [IPAddress.Parse("169.254.169.254")];
        var ping = await (await admin.PostAsync($"/api/v1/webhooks/{webhookId}/ping", null)).ReadJsonAsync();

        await TestApi.EventuallyAsync(async () => (await (await admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries/{ping["deliveryId"]}")).ReadJsonAsync())["attemptLog"]!.AsArray().Count > 0, "the attempt is logged");
        var attempt = (await (await admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries/{ping["deliveryId"]}")).ReadJsonAsync())["attemptLog"]![0]!;
        attempt["statusCode"].Should().BeNull("no connection was opened");
        attempt["error"]!.GetValue<string>().Should().Contain("169.254.169.254").And.Contain("public addresses only");
    }

    [Test]
    public async Task A_redirect_is_not_followed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var factory = new SpocApiFactory(Webhooks.LoopbackSettings());
        var admin = await factory.AdminClientAsync();
        var organizationId = await admin.CreateOrganizationAsync();
        receiver.Answer = _ => (302, TimeSpan.Zero);
        var webhookId = await admin.SubscribeAsync(organizationId, receiver, "grade.released");
        var ping = await (await admin.PostAsync($"/api/v1/webhooks/{webhookId}/ping", null)).ReadJsonAsync();
        await TestApi.EventuallyAsync(async () => (await (await admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries/{ping["deliveryId"]}")).ReadJsonAsync())["attemptLog"]!.AsArray().Count > 0, "the attempt is logged");
        var attempt = (await (await admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries/{ping["deliveryId"]}")).ReadJsonAsync())["attemptLog"]![0]!;
        attempt["statusCode"]!.GetValue<int>().Should().Be(302);
        attempt["error"]!.GetValue<string>().Should().Contain("redirects are not followed");
        receiver.Received.Should().ContainSingle("the redirect's target is never asked");
    }

    [TestCase("Production")]
    [TestCase("Staging")]
    public void The_loopback_switch_stops_a_start_outside_development_and_testing(string environment)
    {
        using var factory = new SpocApiFactory(Webhooks.LoopbackSettings());
        var production = factory.WithWebHostBuilder(b => b.UseEnvironment(environment));
        var start = () => production.Services;
        start.Should().Throw<InvalidOperationException>().WithMessage("*AllowLoopback*");
    }

    [Test]
    public async Task An_unchanged_url_is_not_resolved_again_but_a_new_one_is()
    {
        var dns = new ScriptedDns();
        dns.Names["hooks.example.test"] = [IPAddress.Parse("93.184.215.14")];
        using var factory = Guarded(dns);
        var admin = await factory.AdminClientAsync();
        var organizationId = await admin.CreateOrganizationAsync();
        var created = await admin.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/webhooks", new { url = "https://hooks.example.test/in", eventTypes = new[] { "grade.released" } });
        var webhookId = (await created.ReadJsonAsync())["webhookId"]!.GetValue<Guid>();
        dns.Names.TryRemove("hooks.example.test", out _); // the receiver's name is down

        var paused = await admin.PutAsJsonAsync($"/api/v1/webhooks/{webhookId}", new { url = "https://hooks.example.test/in", eventTypes = new[] { "grade.released" }, paused = true });
        paused.StatusCode.Should().Be(HttpStatusCode.OK, "pausing a webhook whose receiver is down must stay possible");

        dns.Names["inside.test"] = [IPAddress.Parse("10.0.0.9")];
        var moved = await admin.PutAsJsonAsync($"/api/v1/webhooks/{webhookId}", new { url = "https://inside.test/in", eventTypes = new[] { "grade.released" }, paused = true });
        (await moved.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "webhook-url-forbidden"))["errors"]!["url"].Should().NotBeNull();
    }

    [Test]
    public async Task Someone_outside_the_organisation_learns_nothing_of_a_url_not_even_whether_it_resolves()
    {
        var dns = new ScriptedDns();
        dns.Names["inside.test"] = [IPAddress.Parse("10.0.0.9")];
        using var factory = Guarded(dns);
        var admin = await factory.AdminClientAsync();
        var organizationId = await admin.CreateOrganizationAsync();
        var outsider = await factory.UserClientAsync();

        foreach (var url in new[] { "https://inside.test/in", "https://nowhere.test/in" })
        {
            var response = await outsider.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/webhooks", new { url, eventTypes = new[] { "grade.released" } });
            await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        }
    }

    [TestCase("""{"url":"https://hooks.example.test/in","eventTypes":null}""", "eventTypes")]
    [TestCase("""{"url":"https://hooks.example.test/in","eventTypes":[null]}""", "eventTypes[0]")]
    [TestCase("""{"url":"https://hooks.example.test/in","eventTypes":["grade.released","grade.released"]}""", "eventTypes")]
    [TestCase("""{"url":null,"eventTypes":["grade.released"]}""", "url")]
    public async Task A_malformed_definition_is_a_400_that_names_the_field(string body, string field)
    {
        var dns = new ScriptedDns();
        dns.Names["hooks.example.test"] = [IPAddress.Parse("93.184.215.14")];
        using var factory = Guarded(dns);
        var admin = await factory.AdminClientAsync();
        var organizationId = await admin.CreateOrganizationAsync();

        var response = await admin.PostAsync($"/api/v1/organizations/{organizationId}/webhooks", TestApi.Json(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key).Should().Contain(field);
    }

    [Test]
    public async Task Too_many_event_types_or_too_long_a_host_is_a_400()
    {
        using var factory = Guarded(new ScriptedDns());
        var admin = await factory.AdminClientAsync();
        var organizationId = await admin.CreateOrganizationAsync();

        var many = await admin.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/webhooks",
            new { url = "https://hooks.example.test/in", eventTypes = Enumerable.Range(0, 5000).Select(i => $"type.{i}").ToArray() });
        var longHost = await admin.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/webhooks",
            new { url = $"https://{string.Join('.', Enumerable.Repeat(new string('a', 60), 5))}.test/in", eventTypes = new[] { "grade.released" } });

        (await many.ReadJsonAsync())["errors"]!["eventTypes"].Should().NotBeNull();
        (await longHost.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "webhook-url-forbidden"))["errors"]!["url"]![0]!.GetValue<string>().Should().Contain("253");
    }

    private static WebApplicationFactoryWithDns Guarded(ScriptedDns dns, params (string Key, string Value)[] settings) => new(dns, settings);

    /// <summary>A factory whose webhooks resolve names with the scripted DNS, loopback not allowed.</summary>
    private sealed class WebApplicationFactoryWithDns(ScriptedDns dns, (string Key, string Value)[] settings) : IDisposable
    {
        private readonly SpocApiFactory _factory = new(settings.ToDictionary(s => s.Key, s => (string?)s.Value));
        private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>? _withDns;

        private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithDns =>
            _withDns ??= _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IWebhookDnsResolver>(dns)));

        public async Task<HttpClient> AdminClientAsync()
        {
            var client = WithDns.CreateClient();
            var tokens = await client.SignInAsync(SpocApiFactory.AdminEmail, SpocApiFactory.AdminPassword);
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.AccessToken);
            return client;
        }

        public async Task<HttpClient> UserClientAsync()
        {
            var client = WithDns.CreateClient();
            var email = TestApi.UniqueEmail();
            (await client.RegisterAsync(email)).EnsureSuccessStatusCode();
            var tokens = await client.SignInAsync(email);
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.AccessToken);
            return client;
        }

        public void Dispose()
        {
            _withDns?.Dispose();
            _factory.Dispose();
        }
    }
}
