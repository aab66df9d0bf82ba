using Microsoft.EntityFrameworkCore;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Community.Data;

/// <summary>The Community module's tables, in the "community" schema. Its features arrive with their issue; its outbox and inbox are ready.</summary>
internal sealed class CommunityDbContext(DbContextOptions<CommunityDbContext> options) : ModuleDbContext(options)
{
    public const string Schema = "community";

    protected override string ModuleName => "Community";
}
