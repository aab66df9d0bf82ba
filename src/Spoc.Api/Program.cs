using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Spoc.Api;
using Spoc.Api.Infrastructure;
using Spoc.SharedKernel.Http;
using Spoc.SharedKernel.Messaging;
using Spoc.SharedKernel.Outbox;
using Spoc.SharedKernel.Persistence;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;
var configuration = builder.Configuration;

services.AddSingleton(TimeProvider.System);
services.AddSingleton(DatabaseSettings.From(configuration));
services.AddSingleton<OutboxSignal>();
services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<OutboxSignal>());
services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, ChangeStamps>();
services.AddSingleton<Spoc.SharedKernel.Paging.SyncWindow>();
services.Configure<OutboxOptions>(configuration.GetSection("Outbox"));
services.AddSingleton<Spoc.SharedKernel.Scheduling.LeaseHolder>();
services.Configure<Spoc.SharedKernel.Scheduling.SchedulingOptions>(configuration.GetSection("Scheduling"));
// Stopping waits this long for requests in flight and for background work to hand its leases back (ADRs 0050, 0051).
services.Configure<HostOptions>(o => o.ShutdownTimeout = configuration.GetValue("Hosting:ShutdownTimeout", TimeSpan.FromSeconds(30)));
services.AddModuleDbContext<KernelDbContext>("kernel");
services.AddSpocEmail(configuration);
services.AddSpocForwardedHeaders(configuration);
services.AddSpocFileStorage(configuration);

services.AddMediator((MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.GenerateTypesAsInternal = true; // messages and handlers are internal to their modules
    // A Contracts assembly joins this list with its first message: the generator refuses one that has none.
    options.Assemblies =
    [
        typeof(Spoc.Api.Compositions.GetMe), // the host's compositions (GET /me)
        typeof(Spoc.Modules.Platform.PlatformModule),
        typeof(Spoc.Modules.Platform.Contracts.UserRegistered),
        typeof(Spoc.Modules.Courses.CoursesModule),
        typeof(Spoc.Modules.Courses.Contracts.PacingChanged),
        typeof(Spoc.Modules.Cohorts.CohortsModule),
        typeof(Spoc.Modules.Cohorts.Contracts.LearnerEnrolled),
        typeof(Spoc.Modules.Assessment.AssessmentModule),
        typeof(Spoc.Modules.Assessment.Contracts.GetFinalGrades),
        typeof(Spoc.Modules.Community.CommunityModule),
        typeof(Spoc.Modules.Community.Contracts.ForumPostPublished),
        typeof(Spoc.Modules.Certification.CertificationModule),
        typeof(Spoc.Modules.Certification.Contracts.CertificateIssued),
        typeof(Spoc.Modules.FollowUp.FollowUpModule),
        typeof(Spoc.Modules.Integrations.IntegrationsModule),
        typeof(Spoc.Modules.Integrations.Contracts.WebhookEndpointDisabled),
    ];
    options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
});
services.AddValidatorsFromAssemblies(
    [
        typeof(Spoc.SharedKernel.Paging.PageRequest).Assembly,
        typeof(Spoc.Modules.Platform.PlatformModule).Assembly,
        typeof(Spoc.Modules.Cohorts.CohortsModule).Assembly,
        typeof(Spoc.Modules.Courses.CoursesModule).Assembly,
        typeof(Spoc.Modules.Assessment.AssessmentModule).Assembly,
        typeof(Spoc.Modules.Community.CommunityModule).Assembly,
        typeof(Spoc.Modules.Certification.CertificationModule).Assembly,
        typeof(Spoc.Modules.FollowUp.FollowUpModule).Assembly,
        typeof(Spoc.Modules.Integrations.IntegrationsModule).Assembly,
    ],
    ServiceLifetime.Singleton,
    includeInternalTypes: true);

services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
    o.SerializerOptions.Converters.Add(new UtcDateTimeOffsetConverter());
    o.SerializerOptions.RespectNullableAnnotations = true;
});
services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
services.AddSpocProblems();
services.AddSpocAuth(configuration);
services.AddSpocDataProtection(configuration, builder.Environment);
services.AddSpocRedis(configuration);
services.AddSpocRateLimiting(configuration);
services.AddSpocOpenApi();
services.AddSpocSecurityHeaders();
services.AddSpocCompression();
services.AddSpocTelemetry(configuration);
services.AddModules(configuration, builder.Environment);
services.AddSpocLive(configuration);
SqlCommandCounter.AddIfEnabled(services, configuration);
// Ready means the database takes a write, not merely that a connection opens or a read answers.
services.AddHealthChecks().AddDbContextCheck<KernelDbContext>("database", tags: [Readiness.Tag], customTestQuery: DatabaseOutage.CanWriteAsync);

// Order matters: the database is migrated and seeded before the outbox dispatcher starts.
services.AddHostedService<DatabaseInitializer>();
services.AddHostedService<OutboxDispatcher>();
services.AddHostedService<IdempotencyJanitor>();

var app = builder.Build();

SqlCommandCounter.UseIfEnabled(app, app.Configuration);
app.UseForwardedHeaders();
app.UseSpocCompression();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSpocSecurityHeaders();
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.UseSwagger();
if (app.Configuration.GetValue("OpenApi:SwaggerUi", true))
{
    app.UseSwaggerUI(o => o.DocumentTitle = "Spoc API");
}

app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseMiddleware<IdempotencyMiddleware>());

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", Readiness.Options);
app.MapModules();
app.MapSpocLive();
app.UseSpa();

app.Run();
