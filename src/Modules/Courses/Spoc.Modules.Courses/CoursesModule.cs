using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Courses.Data;
using Spoc.Modules.Courses.Features.Activities;
using Spoc.Modules.Courses.Features.Courses;
using Spoc.Modules.Courses.Features.Pacing;
using Spoc.Modules.Courses.Features.Progress;
using Spoc.Modules.Courses.Features.Schedule;
using Spoc.Modules.Courses.Features.Sections;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Courses;

/// <summary>Course content, competencies, schedules and progress.</summary>
public static class CoursesModule
{
    public static IServiceCollection AddCoursesModule(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddModuleDbContext<CoursesDbContext>(CoursesDbContext.Schema)
            .AddScoped<Domain.CourseGate>()
            .AddSingleton<IStartupTask, Seeding.DemoCourse>();

    /// <summary>The demo learners' progress: a start-up task of its own, registered after Cohorts' demo cohorts it fills.</summary>
    public static IServiceCollection AddCoursesDemoProgress(this IServiceCollection services) =>
        services.AddSingleton<IStartupTask, Seeding.DemoProgress>();

    public static IEndpointRouteBuilder MapCoursesEndpoints(this IEndpointRouteBuilder api)
    {
        var courses = api.MapGroup("").WithTags("Courses");
        CreateCourse.MapEndpoint(courses);
        ListCourses.MapEndpoint(courses);
        GetCourseDetails.MapEndpoint(courses);
        UpdateCourse.MapEndpoint(courses);
        GetCourseOutline.MapEndpoint(courses);
        AddSection.MapEndpoint(courses);
        UpdateSection.MapEndpoint(courses);
        AddActivity.MapEndpoint(courses);
        UpdateActivity.MapEndpoint(courses);
        DeleteActivity.MapEndpoint(courses);
        GetSchedule.MapEndpoint(courses);
        MarkActivityDone.MapEndpoint(courses);
        GetProgress.MapEndpoint(courses);
        SetPacing.MapEndpoint(courses);
        GetPacing.MapEndpoint(courses);
        DownloadActivityFile.MapEndpoint(courses);
        DeleteSection.MapEndpoint(courses);
        ReorderOutline.MapEndpoint(courses);
        GetSectionDeletionImpact.MapEndpoint(courses);
        GetActivityDeletionImpact.MapEndpoint(courses);
        DuplicateCourse.MapEndpoint(courses);
        return api;
    }
}
