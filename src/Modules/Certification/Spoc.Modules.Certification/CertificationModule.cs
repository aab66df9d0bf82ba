using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Certification.Data;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Certification;

public static class CertificationModule
{
    public static IServiceCollection AddCertificationModule(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<CertificationDbContext>(CertificationDbContext.Schema);

    /// <summary>The module's routes under /api/v1; none until its first feature lands.</summary>
    public static IEndpointRouteBuilder MapCertificationEndpoints(this IEndpointRouteBuilder api) => api;
}
