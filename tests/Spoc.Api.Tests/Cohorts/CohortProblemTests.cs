using System.Reflection;
using AwesomeAssertions;
using Spoc.Api.Tests.Persistence;
using Spoc.Modules.Cohorts;
using Spoc.SharedKernel.Problems;

namespace Spoc.Api.Tests.Cohorts;

/// <summary>Cohorts' problem types come from one catalogue (<c>CohortProblems</c>), each slug once, each told in French and English by the web app.</summary>
public sealed class CohortProblemTests
{
    private static readonly IReadOnlyList<string> Slugs = typeof(CohortProblems)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ProblemType))
        .Select(f => ((ProblemType)f.GetValue(null)!).Slug)
        .Distinct()
        .ToList();

    [Test]
    public void Each_slug_is_written_once_and_nowhere_else_in_the_module()
    {
        var module = Path.Combine(Repository.Root, "src", "Modules", "Cohorts", "Spoc.Modules.Cohorts");
        var catalogue = File.ReadAllText(Path.Combine(module, "CohortProblems.cs"));
        Slugs.Should().NotBeEmpty();
        Slugs.Where(slug => catalogue.Split($"\"{slug}\"").Length != 2).Should().BeEmpty("each slug is written once in CohortProblems (a variant reuses its descriptor)");
        var elsewhere = Directory.GetFiles(module, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && Path.GetFileName(f) != "CohortProblems.cs")
            .Where(f => File.ReadAllText(f) is var source && (source.Contains("new ProblemException(", StringComparison.Ordinal) || source.Contains("new ProblemType(", StringComparison.Ordinal)
                || Slugs.Any(slug => source.Contains($"\"{slug}\"", StringComparison.Ordinal))))
            .Select(Path.GetFileName);
        elsewhere.Should().BeEmpty("a business-rule problem is a descriptor of CohortProblems");
    }

    [TestCase("fr")]
    [TestCase("en")]
    public void The_web_app_tells_each_problem_in(string language)
    {
        // The translation files of the language: fr.ts, en.json, fr/*.ts... wherever the client keeps them.
        var texts = string.Concat(Directory.GetFiles(Path.Combine(Repository.Root, "client", "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".ts", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Where(f => Path.GetFileNameWithoutExtension(f).Split('.').Contains(language) || Path.GetFileName(Path.GetDirectoryName(f)) == language)
            .Select(File.ReadAllText));

        Slugs.Where(slug => !texts.Contains($"'{slug}'", StringComparison.Ordinal) && !texts.Contains($"\"{slug}\"", StringComparison.Ordinal))
            .Should().BeEmpty($"every Cohorts problem type has a {language} text in the web app");
    }
}
