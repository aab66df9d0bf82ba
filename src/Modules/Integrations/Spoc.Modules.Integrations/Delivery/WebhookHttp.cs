using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Spoc.Modules.Integrations.Delivery;

/// <summary>
/// The HTTP client webhooks are sent with (ADR 0048): no proxy, no redirect followed (a 3xx is a failed attempt), and a
/// connection opened only to addresses the guard accepts, resolved at that moment and connected to as vetted, so nothing
/// changes between the check and the use.
/// </summary>
internal static class WebhookHttp
{
    public const string ClientName = "webhooks";

    public static IServiceCollection AddWebhookHttp(this IServiceCollection services)
    {
        services.AddHttpClient(ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan) // the attempt's own timeout applies (Polly)
            .RemoveAllLoggers() // URLs may carry a receiver's token in their path: never in our logs
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var dns = sp.GetRequiredService<IWebhookDnsResolver>();
                var options = sp.GetRequiredService<IOptions<WebhookOptions>>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    UseCookies = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    ConnectCallback = async (context, ct) =>
                    {
                        var host = context.DnsEndPoint.Host;
                        var addresses = await dns.ResolveAsync(host, ct);
                        if (WebhookAddressGuard.ProblemWith(host, addresses, options.Value.AllowLoopback) is { } problem)
                        {
                            throw new WebhookAddressForbiddenException(problem);
                        }

                        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                        try
                        {
                            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                            return new NetworkStream(socket, ownsSocket: true);
                        }
                        catch
                        {
                            socket.Dispose();
                            throw;
                        }
                    },
                };
            });
        return services;
    }
}
