using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Certification.Data;
using Spoc.Modules.Certification.Features.Certificates;
using Spoc.Modules.Certification.Features.Credentials;
using Spoc.Modules.Certification.Features.Eligibility;
using Spoc.Modules.Certification.Features.Issuance;
using Spoc.Modules.Certification.Features.Rules;
using Spoc.Modules.Certification.Features.Verification;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Certification;

public static class CertificationModule
{
    /// <summary>The rate limit policy of the public <c>GET /verify/{code}</c>: per address, tighter than the API's.</summary>
    public const string VerifyRateLimitPolicy = "certificate-verification";

    public static IServiceCollection AddCertificationModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CredentialOptions>(configuration.GetSection("Certification:Credentials"));
        services.AddScoped<CredentialKeys>();
        return services.AddModuleDbContext<CertificationDbContext>(CertificationDbContext.Schema)
            .AddSingleton<IStartupTask, Seeding.DemoCertification>();
    }

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
        GetCredential.MapEndpoint(certification);
        GetStatusList.MapEndpoint(certification);
        GetIssuerProfile.MapEndpoint(certification);
        RotateSigningKey.MapEndpoint(certification);
        VerifyCertificate.MapEndpoint(certification);
        GetCertificatePdf.MapEndpoint(certification);
        ListMyCertificates.MapEndpoint(certification);
        return api;
    }

    /// <summary>The module's routes at the root, outside /api/v1: the JWK Set verifiers look for under /.well-known.</summary>
    public static IEndpointRouteBuilder MapCertificationWellKnownEndpoints(this IEndpointRouteBuilder root)
    {
        GetJwks.MapEndpoint(root);
        return root;
    }
}
