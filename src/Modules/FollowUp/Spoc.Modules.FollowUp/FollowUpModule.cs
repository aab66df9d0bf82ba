using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Features.Dashboard;
using Spoc.Modules.FollowUp.Features.Rules;
using Spoc.Modules.FollowUp.Features.Signals;
using Spoc.Modules.FollowUp.Features.Skills;
using Spoc.Modules.FollowUp.Features.Summary;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.FollowUp;

public static class FollowUpModule
{
    public static IServiceCollection AddFollowUpModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<FollowUpDbContext>(FollowUpDbContext.Schema)
            .AddScoped<SignalsProjector>()
            .Configure<FollowUpOptions>(configuration.GetSection("FollowUp"))
            .AddSingleton<SignalsSweep>()
            .AddHostedService(sp => sp.GetRequiredService<SignalsSweep>());
        return services.AddWeeklySummary(configuration);
    }

    /// <summary>The mentors' weekly summary mail (section <c>FollowUp:WeeklySummary</c>).</summary>
    private static IServiceCollection AddWeeklySummary(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WeeklySummaryOptions>(configuration.GetSection("FollowUp:WeeklySummary"));
        services.AddSingleton<WeeklySummary>();
        return services.AddHostedService(sp => sp.GetRequiredService<WeeklySummary>());
    }

    /// <summary>The module's routes under /api/v1.</summary>
    public static IEndpointRouteBuilder MapFollowUpEndpoints(this IEndpointRouteBuilder api)
    {
        var followUp = api.MapGroup("").WithTags("FollowUp");
        GetFollowUpDashboard.MapEndpoint(followUp);
        GetRiskRules.MapEndpoint(followUp);
        UpdateRiskRules.MapEndpoint(followUp);
        GetLearnerSkills.MapEndpoint(followUp);
        GetCohortSkills.MapEndpoint(followUp);
        ExportCohortSkills.MapEndpoint(followUp);
        GetOrganizationSkills.MapEndpoint(followUp);
        ExportOrganizationSkills.MapEndpoint(followUp);
        return api;
    }
}
