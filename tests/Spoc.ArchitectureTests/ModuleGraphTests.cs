using System.Reflection;
using AwesomeAssertions;

namespace Spoc.ArchitectureTests;

/// <summary>
/// Modules ask each other only through Contracts, and never in a circle (docs/architecture.md, "Module graph"): when two
/// modules would ask each other, one learns the facts it needs from the other's events, or the host composes them.
/// </summary>
public sealed class ModuleGraphTests
{
    [Test]
    public void No_cycle_runs_through_the_modules_contracts()
    {
        var graph = Graph(ModuleRulesTests.Modules);

        var cycle = FindCycle(graph);

        cycle.Should().BeNull($"a module graph must be acyclic; this cycle runs through contracts: {string.Join(" → ", cycle ?? [])}");
    }

    [Test]
    public void The_cycle_rule_finds_a_cycle_when_there_is_one()
    {
        FindCycle(new Dictionary<string, string[]> { ["Platform"] = [], ["Cohorts"] = ["Platform", "Courses"], ["Courses"] = ["Cohorts"] })
            .Should().Equal("Cohorts", "Courses", "Cohorts");
        FindCycle(new Dictionary<string, string[]> { ["Platform"] = [], ["Cohorts"] = ["Platform"], ["Courses"] = ["Cohorts", "Platform"] })
            .Should().BeNull();
    }

    [Test]
    public void Platform_asks_no_other_module() => Graph(ModuleRulesTests.Modules)["Platform"].Should().BeEmpty();

    /// <summary>Module → the modules whose Contracts its implementation or its own Contracts reference.</summary>
    internal static Dictionary<string, string[]> Graph(IEnumerable<string> modules) =>
        modules.ToDictionary(m => m, m => new[] { $"Spoc.Modules.{m}", $"Spoc.Modules.{m}.Contracts" }
            .SelectMany(a => Assembly.Load(a).GetReferencedAssemblies())
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Spoc.Modules.", StringComparison.Ordinal) && n.EndsWith(".Contracts", StringComparison.Ordinal))
            .Select(n => n["Spoc.Modules.".Length..^".Contracts".Length])
            .Where(n => n != m)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray());

    /// <summary>The first cycle met by a depth-first walk, as a path that ends where it starts; <c>null</c> when there is none.</summary>
    internal static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, string[]> graph)
    {
        var path = new List<string>();
        var done = new HashSet<string>();

        IReadOnlyList<string>? Visit(string node)
        {
            var at = path.IndexOf(node);
            if (at >= 0)
            {
                return [.. path.Skip(at), node];
            }

            if (done.Contains(node))
            {
                return null;
            }

            path.Add(node);
            var cycle = graph.GetValueOrDefault(node, []).Select(Visit).FirstOrDefault(c => c is not null);
            path.RemoveAt(path.Count - 1);
            done.Add(node);
            return cycle;
        }

        return graph.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(c => c is not null);
    }
}
