using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Spoc.Api.Infrastructure;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from the proxies named in
/// <c>Network:KnownProxies</c> (addresses) and <c>Network:KnownNetworks</c> (CIDR ranges); none by default, not even
/// loopback. From anyone else they are ignored, so a client cannot pick the address that rate limits count against.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static IServiceCollection AddSpocForwardedHeaders(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            // Walk back through every trusted hop (a load balancer before a reverse proxy), stopping at the first stranger.
            options.ForwardLimit = null;
            foreach (var proxy in configuration.GetSection("Network:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("Network:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
}
