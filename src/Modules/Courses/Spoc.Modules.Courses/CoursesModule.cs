using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Modules.Courses.Data;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Courses;

public static class CoursesModule
{
    public static IServiceCollection AddCoursesModule(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<CoursesDbContext>(CoursesDbContext.Schema);

    /// <summary>The module's routes under /api/v1; none until its first feature lands.</summary>
    public static IEndpointRouteBuilder MapCoursesEndpoints(this IEndpointRouteBuilder api) => api;
}
