using System.Text.RegularExpressions;
using AwesomeAssertions;

namespace Spoc.ArchitectureTests;

/// <summary>One feature = one file (Features/&lt;Area&gt;/&lt;Feature&gt;.cs): a file that maps two endpoints holds two features.</summary>
public sealed partial class FeatureFileTests
{
    [TestCaseSource(typeof(ModuleRulesTests), nameof(ModuleRulesTests.Modules))]
    public void A_feature_file_maps_one_endpoint_at_most(string module)
    {
        var features = Repository.PathOf($"src/Modules/{module}/Spoc.Modules.{module}/Features");
        var offenders = Directory.Exists(features)
            ? Directory.EnumerateFiles(features, "*.cs", SearchOption.AllDirectories)
                .Select(f => (File: Path.GetRelativePath(Repository.Root, f), Endpoints: EndpointsIn(File.ReadAllText(f))))
                .Where(f => f.Endpoints > 1)
                .Select(f => $"{f.File} maps {f.Endpoints} endpoints")
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

        var report = string.Join(Environment.NewLine, offenders);
        report.Should().BeEmpty("each feature gets its own file, named after it");
    }

    [Test]
    public void The_rule_counts_every_endpoint_a_file_maps()
    {
        EndpointsIn("""api.MapGet("/a", Get).WithName("A"); api.MapPost("/a", Post); api.MapDelete("/a/{id}", Delete);""").Should().Be(3);
        EndpointsIn("""api.MapPut("/a/{id}", Put).WithName("UpdateA");""").Should().Be(1);
    }

    internal static int EndpointsIn(string source) => Endpoint().Count(source);

    [GeneratedRegex(@"\.Map(Get|Post|Put|Patch|Delete|Methods)\s*\(")]
    private static partial Regex Endpoint();
}
