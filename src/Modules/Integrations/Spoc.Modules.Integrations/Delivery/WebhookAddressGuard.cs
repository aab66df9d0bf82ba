using System.Net;
using System.Net.Sockets;

namespace Spoc.Modules.Integrations.Delivery;

/// <summary>
/// Server-side request forgery guard (ADR 0048): a webhook may only reach public addresses over https. The URL is checked
/// when it is registered, and every address its host resolves to is checked again when a connection is opened
/// (<see cref="WebhookHttp"/>), so that a name re-pointed to an internal address later (DNS rebinding) reaches nothing.
/// </summary>
internal static class WebhookAddressGuard
{
    private static readonly IPNetwork[] Forbidden =
    [
        // IPv4: "this network", private, shared (CGNAT), loopback, link-local (cloud metadata at 169.254.169.254),
        // IETF protocol assignments, documentation, benchmarking, multicast, reserved, broadcast.
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("198.51.100.0/24"), IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
        // IPv6: unspecified, loopback, unique local, link-local, multicast, documentation, discard.
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("ff00::/8"), IPNetwork.Parse("2001:db8::/32"), IPNetwork.Parse("100::/64"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    /// <summary>Whether a connection to this address is refused; IPv4 carried inside IPv6 is judged as the IPv4 it carries.</summary>
    public static bool IsForbidden(IPAddress address, bool allowLoopback)
    {
        address = Embedded(address);
        if (allowLoopback && IPAddress.IsLoopback(address))
        {
            return false;
        }

        return Forbidden.Any(n => n.Contains(address));
    }

    /// <summary>Why this URL may not be an endpoint (before any name is resolved), or null.</summary>
    public static string? ProblemWith(Uri url, bool allowLoopback)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http"))
        {
            return "Webhook URLs use https.";
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "A webhook URL carries no user name or password: sign requests with the webhook's secret instead.";
        }

        if (!string.IsNullOrEmpty(url.Fragment))
        {
            return "A webhook URL has no fragment (#...).";
        }

        var host = url.IdnHost.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return allowLoopback ? null : "Webhooks reach public addresses only: localhost is not one.";
        }

        if (IPAddress.TryParse(url.HostNameType == UriHostNameType.IPv6 ? host.Trim('[', ']') : host, out var literal))
        {
            if (IsForbidden(literal, allowLoopback))
            {
                return $"Webhooks reach public addresses only: {literal} is {Describe(literal)}.";
            }

            return url.Scheme == "http" && !(allowLoopback && IPAddress.IsLoopback(Embedded(literal))) ? "Webhook URLs use https." : null;
        }

        return url.Scheme == "http" ? "Webhook URLs use https." : null;
    }

    /// <summary>Why these resolved addresses may not be reached, or null: one forbidden address is enough to refuse.</summary>
    public static string? ProblemWith(string host, IReadOnlyList<IPAddress> addresses, bool allowLoopback)
    {
        if (addresses.Count == 0)
        {
            return $"The name {host} resolves to no address.";
        }

        var forbidden = addresses.FirstOrDefault(a => IsForbidden(a, allowLoopback));
        return forbidden is null ? null : $"Webhooks reach public addresses only: {host} resolves to {forbidden}, {Describe(forbidden)}.";
    }

    private static IPAddress Embedded(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && (Nat64.Contains(address) || SixToFour.Contains(address)))
        {
            var bytes = address.GetAddressBytes();
            // NAT64 carries the IPv4 in the last four bytes; 6to4 in bytes 2 to 5.
            return new IPAddress(Nat64.Contains(address) ? bytes[12..16] : bytes[2..6]);
        }

        return address;
    }

    private static string Describe(IPAddress address)
    {
        var embedded = Embedded(address);
        return IPAddress.IsLoopback(embedded) ? "a loopback address"
            : embedded.IsIPv6LinkLocal || IPNetwork.Parse("169.254.0.0/16").Contains(embedded) ? "a link-local address (cloud metadata lives there)"
            : embedded.IsIPv6Multicast || IPNetwork.Parse("224.0.0.0/4").Contains(embedded) ? "a multicast address"
            : "a private or reserved address";
    }
}

/// <summary>
/// The guard at registration: the URL's form (validators), then every address its host resolves to now (handlers, once the
/// caller is known to be the organisation's admin, so that nobody else can use it to probe names).
/// </summary>
internal sealed class WebhookUrlCheck(IWebhookDnsResolver dns, Microsoft.Extensions.Options.IOptions<WebhookOptions> options)
{
    /// <summary>Why this URL's form may not be an endpoint, or null.</summary>
    public string? FormProblem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "An absolute https URL.";
        }

        return WebhookAddressGuard.ProblemWith(uri, options.Value.AllowLoopback)
            ?? (uri.IdnHost.Trim('[', ']').Length > 253 ? "A host name has at most 253 characters." : null);
    }

    /// <summary>400 webhook-url-forbidden when the URL's host resolves to a forbidden address now, or to nothing.</summary>
    public async Task RequirePublicAsync(string url, CancellationToken ct)
    {
        var host = new Uri(url.Trim()).IdnHost.Trim('[', ']');
        string? problem;
        try
        {
            problem = WebhookAddressGuard.ProblemWith(host, await dns.ResolveAsync(host, ct), options.Value.AllowLoopback);
        }
        catch (SocketException)
        {
            problem = $"The name {host} does not resolve.";
        }

        if (problem is not null)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(nameof(Features.Webhooks.IWebhookDefinition.Url), problem)
                { ErrorCode = IntegrationsProblems.WebhookUrlForbidden.Slug }]);
        }
    }
}
