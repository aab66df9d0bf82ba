using AwesomeAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Api.Tests.Persistence;

/// <summary>Every module's model is covered by a migration on both providers, and the SQL Server scripts parse.</summary>
public sealed class MigrationTests
{
    private static readonly Type[] Contexts = typeof(Program).Assembly.GetReferencedAssemblies()
        .Select(System.Reflection.Assembly.Load)
        .Append(typeof(DatabaseSettings).Assembly)
        .SelectMany(a => a.GetTypes())
        .Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract && t.Namespace?.StartsWith("Spoc.", StringComparison.Ordinal) == true)
        .Distinct()
        .OrderBy(t => t.Name)
        .ToArray();

    [Test]
    public void Every_module_has_a_context() =>
        Contexts.Select(c => c.Name).Should().BeEquivalentTo(
            "KernelDbContext", "KeysDbContext", "PlatformDbContext", "CohortsDbContext", "CoursesDbContext", "AssessmentDbContext", "CommunityDbContext", "CertificationDbContext", "FollowUpDbContext", "IntegrationsDbContext");

    [TestCaseSource(nameof(Contexts))]
    public void Sqlite_migrations_cover_the_model(Type context) => HasPendingChanges(context, DatabaseProvider.Sqlite, "Data Source=:memory:").Should().BeFalse();

    [TestCaseSource(nameof(Contexts))]
    public void SqlServer_migrations_cover_the_model(Type context) => HasPendingChanges(context, DatabaseProvider.SqlServer, "Server=unused;Database=Spoc").Should().BeFalse();

    [Test]
    public void Every_SqlServer_script_parses()
    {
        var scripts = Directory.GetFiles(Path.Combine(Repository.Root, "docs", "sql"), "*.sql");
        scripts.Select(Path.GetFileNameWithoutExtension).Should().BeEquivalentTo(Contexts.Select(c => c.Name.Replace("DbContext", "").ToLowerInvariant()));

        foreach (var script in scripts)
        {
            using var reader = new StringReader(File.ReadAllText(script));
            new TSql170Parser(true).Parse(reader, out var errors);
            errors.Should().BeEmpty($"{Path.GetFileName(script)} must be valid T-SQL");
        }
    }

    private static bool HasPendingChanges(Type contextType, DatabaseProvider provider, string connectionString)
    {
        var settings = new DatabaseSettings(provider, connectionString, Path.GetTempPath());
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        settings.Configure(builder, "unused");
        using var context = (DbContext)Activator.CreateInstance(contextType, builder.Options)!;
        return context.Database.HasPendingModelChanges();
    }
}

internal static class Repository
{
    public static string Root { get; } = Find(AppContext.BaseDirectory);

    private static string Find(string directory) =>
        File.Exists(Path.Combine(directory, "Spoc.Api.sln")) ? directory : Find(Directory.GetParent(directory)?.FullName ?? throw new DirectoryNotFoundException("Spoc.Api.sln not found above the test binaries"));
}
