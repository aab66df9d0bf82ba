using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Community.Data;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Community;

public static class CommunityModule
{
    public static IServiceCollection AddCommunityModule(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<CommunityDbContext>(CommunityDbContext.Schema);

    /// <summary>The module's routes under /api/v1; none until its first feature lands.</summary>
    public static IEndpointRouteBuilder MapCommunityEndpoints(this IEndpointRouteBuilder api) => api;
}
