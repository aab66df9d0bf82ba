using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Features.Eligibility;
using Spoc.Modules.Certification.Features.Issuance;
using Spoc.Modules.Certification.Features.Rules;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Certification;

public static class CertificationModule
{
    public static IServiceCollection AddCertificationModule(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<CertificationDbContext>(CertificationDbContext.Schema);

    /// <summary>The module's routes under /api/v1.</summary>
    public static IEndpointRouteBuilder MapCertificationEndpoints(this IEndpointRouteBuilder api)
    {
        GetCertificationRules.MapEndpoint(api);
        UpdateCertificationRules.MapEndpoint(api);
        GetEligibility.MapEndpoint(api);
        GetMyEligibility.MapEndpoint(api);
        ExportEligibility.MapEndpoint(api);
        IssueCertificates.MapEndpoint(api);
        RevokeCertificate.MapEndpoint(api);
        ListCohortCertificates.MapEndpoint(api);
        GetCertificationHistory.MapEndpoint(api);
        GetCertificate.MapEndpoint(api);
        return api;
    }
}
