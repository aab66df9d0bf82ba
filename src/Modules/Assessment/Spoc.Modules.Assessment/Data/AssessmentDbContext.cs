using Microsoft.EntityFrameworkCore;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Assessment.Data;

/// <summary>The Assessment module's tables, in the "assessment" schema. Its features arrive with their issue; its outbox and inbox are ready.</summary>
internal sealed class AssessmentDbContext(DbContextOptions<AssessmentDbContext> options) : ModuleDbContext(options)
{
    public const string Schema = "assessment";

    protected override string ModuleName => "Assessment";
}
