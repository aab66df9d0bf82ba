using System.Net;

namespace Spoc.Modules.Integrations.Delivery;

/// <summary>Resolves an endpoint's host name: the system's resolver, replaced in tests to play rebinding and private names.</summary>
internal interface IWebhookDnsResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

internal sealed class SystemDnsResolver : IWebhookDnsResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host, out var literal) ? Task.FromResult(new[] { literal }) : Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>A connection refused by the address guard: never retried, logged with the reason.</summary>
internal sealed class WebhookAddressForbiddenException(string message) : Exception(message);
