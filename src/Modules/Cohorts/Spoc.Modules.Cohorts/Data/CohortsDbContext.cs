using Microsoft.EntityFrameworkCore;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Cohorts.Data;

/// <summary>The Cohorts module's tables, in the "cohorts" schema. Its features arrive with their issue; its outbox and inbox are ready.</summary>
internal sealed class CohortsDbContext(DbContextOptions<CohortsDbContext> options) : ModuleDbContext(options)
{
    public const string Schema = "cohorts";

    protected override string ModuleName => "Cohorts";
}
