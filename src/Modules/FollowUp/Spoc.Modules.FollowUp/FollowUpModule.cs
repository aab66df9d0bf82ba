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
using Spoc.Modules.FollowUp.Features.Timeline;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.FollowUp;

public static class FollowUpModule
{
    public static IServiceCollection AddFollowUpModule(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<FollowUpDbContext>(FollowUpDbContext.Schema)
            .AddSingleton<IStartupTask, Seeding.DemoJournal>();

    /// <summary>The module's routes under /api/v1.</summary>
    public static IEndpointRouteBuilder MapFollowUpEndpoints(this IEndpointRouteBuilder api)
    {
        var followUp = api.MapGroup("").WithTags("FollowUp");
        GetFollowUpDashboard.MapEndpoint(followUp);
        GetRiskRules.MapEndpoint(followUp);
        UpdateRiskRules.MapEndpoint(followUp);
        ListNotes.MapEndpoint(followUp);
        AddNote.MapEndpoint(followUp);
        DeleteNote.MapEndpoint(followUp);
        ListFollowUpActions.MapEndpoint(followUp);
        CreateFollowUpAction.MapEndpoint(followUp);
        UpdateFollowUpAction.MapEndpoint(followUp);
        GetTimeline.MapEndpoint(followUp);
        GetMyFollowUp.MapEndpoint(followUp);
        return api;
    }
}
