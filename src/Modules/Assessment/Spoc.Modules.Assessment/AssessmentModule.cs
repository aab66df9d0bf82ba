using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Assessment.Data;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Assessment;

public static class AssessmentModule
{
    public static IServiceCollection AddAssessmentModule(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<AssessmentDbContext>(AssessmentDbContext.Schema);

    /// <summary>The module's routes under /api/v1; none until its first feature lands.</summary>
    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder api) => api;
}
