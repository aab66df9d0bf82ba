using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.FollowUp.Data;
using Spoc.Modules.FollowUp.Features.Actions;
using Spoc.Modules.FollowUp.Features.Dashboard;
using Spoc.Modules.FollowUp.Features.Journal;
using Spoc.Modules.FollowUp.Features.MyFollowUp;
using Spoc.Modules.FollowUp.Features.Rules;
using Spoc.Modules.FollowUp.Features.Signals;
using Spoc.Modules.FollowUp.Features.Skills;
using Spoc.Modules.FollowUp.Features.Summary;
using Spoc.Modules.FollowUp.Features.Timeline;
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
        services.AddSingleton<IStartupTask, Seeding.DemoJournal>();
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
        ListNotes.MapEndpoint(followUp);
        AddNote.MapEndpoint(followUp);
        DeleteNote.MapEndpoint(followUp);
        ListFollowUpActions.MapEndpoint(followUp);
        CreateFollowUpAction.MapEndpoint(followUp);
        UpdateFollowUpAction.MapEndpoint(followUp);
        GetTimeline.MapEndpoint(followUp);
        GetMyFollowUp.MapEndpoint(followUp);
        GetFollowUpAttention.MapEndpoint(followUp);
        return api;
    }
}
