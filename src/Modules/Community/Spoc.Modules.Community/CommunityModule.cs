using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Notifications;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Community;

public static class CommunityModule
{
    public static IServiceCollection AddCommunityModule(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<CommunityDbContext>(CommunityDbContext.Schema)
            .AddNotifications(configuration);

    /// <summary>The module's routes under /api/v1.</summary>
    public static IEndpointRouteBuilder MapCommunityEndpoints(this IEndpointRouteBuilder api) =>
        api.MapNotifications();
}
