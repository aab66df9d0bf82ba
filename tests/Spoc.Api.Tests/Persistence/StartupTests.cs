using AwesomeAssertions;
using Spoc.Api.Tests.Infrastructure;

namespace Spoc.Api.Tests.Persistence;

/// <summary>Start-up checks the migrations in one read and migrates only a database that lacks some; an up-to-date one is not migrated again.</summary>
public sealed class StartupTests
{
    [Test]
    public void An_up_to_date_database_is_checked_not_migrated_again_and_a_new_one_is_migrated()
    {
        using var restarted = new SpocApiFactory(); // starts from a copy of a migrated database, as a restarted installation
        _ = restarted.Services;
        restarted.Queries.Statements.Should().NotContain(s => s.Sql.Contains("__EFMigrationsHistory", StringComparison.Ordinal));

        using var fresh = new SpocApiFactory(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" }); // its own, new database
        _ = fresh.Services;
        fresh.Queries.Statements.Should().Contain(s => s.Sql.Contains("__EFMigrationsHistory", StringComparison.Ordinal));
    }
}
