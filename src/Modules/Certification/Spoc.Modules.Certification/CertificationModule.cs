using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Features.Certificates;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Certification;

public static class CertificationModule
{
    public static IServiceCollection AddCertificationModule(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<CertificationDbContext>(CertificationDbContext.Schema)
            .AddSingleton<IStartupTask, Seeding.DemoCertificate>();

    /// <summary>The module's routes under /api/v1.</summary>
    public static IEndpointRouteBuilder MapCertificationEndpoints(this IEndpointRouteBuilder api)
    {
        var certificates = api.MapGroup("").WithTags("Certification");
        GetCertificatePdf.MapEndpoint(certificates);
        ListMyCertificates.MapEndpoint(certificates);
        return api;
    }
}
