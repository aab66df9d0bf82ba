using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Cohorts.Data;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Cohorts;

public static class CohortsModule
{
    public static IServiceCollection AddCohortsModule(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<CohortsDbContext>(CohortsDbContext.Schema);

    /// <summary>The module's routes under /api/v1; none until its first feature lands.</summary>
    public static IEndpointRouteBuilder MapCohortsEndpoints(this IEndpointRouteBuilder api) => api;
}
