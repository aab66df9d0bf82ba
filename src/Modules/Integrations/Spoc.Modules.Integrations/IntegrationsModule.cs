using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spoc.Modules.Integrations.Data;
using Spoc.Modules.Integrations.Delivery;
using Spoc.Modules.Integrations.Features.Webhooks;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Integrations;

/// <summary>
/// Signed webhooks (ADRs 0047, 0048): a leaf module that hears the other modules' events and nobody asks; API clients
/// are Platform's.
/// </summary>
public static class IntegrationsModule
{
    public static IServiceCollection AddIntegrationsModule(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Webhooks");
        if (section.GetValue<bool>(nameof(WebhookOptions.AllowLoopback)) && !environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            throw new InvalidOperationException("Webhooks:AllowLoopback lets webhooks reach this machine's own services: it is for the Development and Testing environments only.");
        }

        services.AddModuleDbContext<IntegrationsDbContext>(IntegrationsDbContext.Schema)
            .Configure<WebhookOptions>(section)
            .AddSingleton<IWebhookDnsResolver, SystemDnsResolver>()
            .AddSingleton<WebhookUrlCheck>()
            .AddSingleton<WebhookSignal>()
            .AddWebhookHttp()
            .AddSingleton<WebhookSender>()
            .AddHostedService(sp => sp.GetRequiredService<WebhookSender>())
            .AddHostedService<WebhookLogPurge>()
            .AddSingleton<IStartupTask, Seeding.DemoWebhook>();
        return services;
    }

    /// <summary>The module's routes under /api/v1.</summary>
    public static IEndpointRouteBuilder MapIntegrationsEndpoints(this IEndpointRouteBuilder api)
    {
        var webhooks = api.MapGroup("").WithTags("Integrations");
        ListWebhooks.MapEndpoint(webhooks);
        CreateWebhook.MapEndpoint(webhooks);
        GetWebhook.MapEndpoint(webhooks);
        UpdateWebhook.MapEndpoint(webhooks);
        DeleteWebhook.MapEndpoint(webhooks);
        RotateWebhookSecret.MapEndpoint(webhooks);
        EnableWebhook.MapEndpoint(webhooks);
        PingWebhook.MapEndpoint(webhooks);
        ListWebhookDeliveries.MapEndpoint(webhooks);
        GetWebhookDelivery.MapEndpoint(webhooks);
        ResendWebhookDelivery.MapEndpoint(webhooks);
        return api;
    }
}
