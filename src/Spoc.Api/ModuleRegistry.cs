using Spoc.Modules.Assessment;
using Spoc.Modules.Certification;
using Spoc.Modules.Cohorts;
using Spoc.Modules.Community;
using Spoc.Modules.Courses;
using Spoc.Modules.FollowUp;
using Spoc.Modules.Integrations;
using Spoc.Modules.Platform;

namespace Spoc.Api;

/// <summary>Every module, in one place: its services, then its endpoints under /api/v1.</summary>
internal static class ModuleRegistry
{
    public static IServiceCollection AddModules(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services
            // Start-up tasks (demo data) run in this order: people, then courses, then cohorts of those courses.
            .AddPlatformModule(configuration)
            .AddCoursesModule(configuration)
            .AddCohortsModule(configuration)
            .AddCoursesDemoProgress() // the demo learners' progress, once their cohorts exist
            .AddAssessmentModule(configuration)
            .AddCommunityModule(configuration)
            .AddCertificationModule(configuration)
            .AddFollowUpModule(configuration)
            .AddIntegrationsModule(configuration, environment);

    public static IEndpointRouteBuilder MapModules(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.AddEndpointFilter<Spoc.SharedKernel.Http.ConditionalRequests>();
        api.MapPlatformEndpoints();
        Compositions.GetMe.MapEndpoint(api); // spans Platform and Cohorts, so neither module owns it
        Compositions.GetSystemStatus.MapEndpoint(api); // every module's outbox and the host's health checks
        api.MapCohortsEndpoints();
        api.MapCoursesEndpoints();
        api.MapAssessmentEndpoints();
        api.MapCommunityEndpoints();
        api.MapCertificationEndpoints();
        app.MapCertificationWellKnownEndpoints();
        api.MapFollowUpEndpoints();
        api.MapIntegrationsEndpoints();
        return app;
    }
}
