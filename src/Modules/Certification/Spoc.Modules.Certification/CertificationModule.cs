using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        services.AddModuleDbContext<CertificationDbContext>(CertificationDbContext.Schema)
            .AddSingleton<IStartupTask, Seeding.DemoCertification>();

    /// <summary>The module's routes under /api/v1.</summary>
    public static IEndpointRouteBuilder MapCertificationEndpoints(this IEndpointRouteBuilder api)
    {
        var certification = api.MapGroup("").WithTags("Certification");
        GetCertificationRules.MapEndpoint(certification);
        UpdateCertificationRules.MapEndpoint(certification);
        GetEligibility.MapEndpoint(certification);
        GetMyEligibility.MapEndpoint(certification);
        ExportEligibility.MapEndpoint(certification);
        IssueCertificates.MapEndpoint(certification);
        RevokeCertificate.MapEndpoint(certification);
        ListCohortCertificates.MapEndpoint(certification);
        GetCertificationHistory.MapEndpoint(certification);
        GetCertificate.MapEndpoint(certification);
        return api;
    }
}
