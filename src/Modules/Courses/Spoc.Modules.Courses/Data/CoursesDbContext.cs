using Microsoft.EntityFrameworkCore;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Courses.Data;

/// <summary>The Courses module's tables, in the "courses" schema. Its features arrive with their issue; its outbox and inbox are ready.</summary>
internal sealed class CoursesDbContext(DbContextOptions<CoursesDbContext> options) : ModuleDbContext(options)
{
    public const string Schema = "courses";

    protected override string ModuleName => "Courses";
}
