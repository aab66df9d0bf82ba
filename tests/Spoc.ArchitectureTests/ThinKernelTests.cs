using System.Reflection;
using System.Text.Json;
using AwesomeAssertions;

namespace Spoc.ArchitectureTests;

/// <summary>
/// A Contracts project is what another module compiles against: it must not drag in EF Core or ASP.NET Core, directly or
/// through what it references (the kernel, a package). Checked twice: on the restore graph (every package, project and
/// framework reference, transitively, even unused ones) and on the compiled assembly's references, transitively.
/// </summary>
public sealed class ThinKernelTests
{
    private static readonly string[] Forbidden = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore"];

    public static IEnumerable<string> ContractsProjects() =>
        ModuleRulesTests.Modules.Select(m => $"src/Modules/{m}/Spoc.Modules.{m}.Contracts").Append("src/Spoc.SharedKernel");

    [TestCaseSource(nameof(ContractsProjects))]
    public void A_contracts_project_pulls_in_neither_EF_Core_nor_ASP_NET_Core(string project) =>
        Offences(project).Should().BeEmpty("Contracts see only events, problems, paging, the current user and mediator abstractions; the rest lives in Spoc.Infrastructure");

    [Test]
    public void The_rule_catches_a_project_that_pulls_them_in() =>
        Offences("src/Spoc.Infrastructure").Should()
            .Contain(o => o.Contains("Microsoft.EntityFrameworkCore.Relational", StringComparison.Ordinal))
            .And.Contain(o => o.Contains("framework Microsoft.AspNetCore.App", StringComparison.Ordinal))
            .And.Contain(o => o.StartsWith("assembly references Microsoft.AspNetCore", StringComparison.Ordinal));

    [Test]
    public void The_rule_follows_references_transitively() =>
        Offences("tests/Spoc.ArchitectureTests").Should() // references only Spoc.Api, which brings EF Core and ASP.NET Core
            .Contain(o => o.Contains("Microsoft.EntityFrameworkCore.Sqlite", StringComparison.Ordinal))
            .And.Contain(o => o.Contains("Microsoft.AspNetCore.App (through Spoc.Api", StringComparison.Ordinal));

    private static List<string> Offences(string project) => [.. FromRestoreGraph(project), .. FromAssembly(Path.GetFileName(project))];

    /// <summary>obj/project.assets.json holds the transitive closure NuGet resolved: packages, projects and their framework references.</summary>
    private static List<string> FromRestoreGraph(string project)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(Repository.PathOf(Path.Combine(project, "obj", "project.assets.json"))));
        var root = assets.RootElement;
        var libraries = root.GetProperty("libraries").EnumerateObject().Select(l => l.Name.Split('/')[0]);
        var frameworks = root.GetProperty("targets").EnumerateObject()
            .SelectMany(t => t.Value.EnumerateObject())
            .Where(l => l.Value.TryGetProperty("frameworkReferences", out _))
            .SelectMany(l => l.Value.GetProperty("frameworkReferences").EnumerateArray().Select(f => $"{f.GetString()} (through {l.Name})"))
            .Concat(root.GetProperty("project").GetProperty("frameworks").EnumerateObject()
                .SelectMany(f => f.Value.TryGetProperty("frameworkReferences", out var refs) ? refs.EnumerateObject().Select(r => r.Name) : []));
        return [.. libraries.Where(IsForbidden).Select(l => $"package or project {l}"), .. frameworks.Where(IsForbidden).Select(f => $"framework {f}")];
    }

    private static IEnumerable<string> FromAssembly(string assemblyName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<AssemblyName>([new AssemblyName(assemblyName)]);
        while (pending.TryDequeue(out var name))
        {
            if (!seen.Add(name.Name!) || name.Name!.StartsWith("System", StringComparison.Ordinal) || IsForbidden(name.Name))
            {
                continue;
            }

            foreach (var reference in Assembly.Load(name).GetReferencedAssemblies())
            {
                pending.Enqueue(reference);
            }
        }

        return seen.Where(IsForbidden).Select(a => $"assembly references {a}");
    }

    private static bool IsForbidden(string name) => Forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal));
}
