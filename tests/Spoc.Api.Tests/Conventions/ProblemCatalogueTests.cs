using System.Text.RegularExpressions;
using AwesomeAssertions;
using Spoc.Api.Tests.Persistence;
using Spoc.SharedKernel.Problems;

namespace Spoc.Api.Tests.Conventions;

/// <summary>
/// Every problem <c>type</c> slug the code writes has a row in docs/problems.md, and every row there is a slug the code
/// writes: integrators code against the catalogue, so it may neither miss a type nor list one that no longer exists.
/// Reads the source text (no host), so it stays fast.
/// </summary>
public sealed partial class ProblemCatalogueTests
{
    private const string Slug = "[a-z]+(?:-[a-z]+)*";

    // The ways a slug is written: a ProblemType descriptor (new(409, "slug", ...)) or a stray ProblemException, the host's
    // Problem(status, slug...), ProblemTypes.For("slug"), a literal field error code (WithErrorCode, ErrorCode =).
    private static readonly Regex[] Everywhere =
    [
        new($@"\b(?:new(?:\s+Problem(?:Exception|Type))?|Problem)\(\s*\d{{3}},\s*""({Slug})"""),
        new($@"\bProblemTypes\.For\(\s*""({Slug})"""),
        new($@"(?:\bWithErrorCode\(|\bErrorCode\s*=\s*)""({Slug})"""),
    ];

    /// <summary>In a file that builds types with ProblemTypes.For: the (slug, title) pairs of the by-status table and its fallback.</summary>
    private static readonly Regex SlugTitlePair = new($@"\(\s*""({Slug})"",\s*""[A-Z][^""]*""\s*\)");

    [GeneratedRegex(@"^\|\s*`([a-z]+(?:-[a-z]+)*)`\s*\|\s*(?:\d{3}|any other)\b", RegexOptions.Multiline)]
    private static partial Regex CatalogueRow();

    /// <summary>A row's slug, status and title cells.</summary>
    [GeneratedRegex(@"^\|\s*`([a-z]+(?:-[a-z]+)*)`\s*\|\s*(\d{3})\s*\|\s*([^|]*?)\s*\|", RegexOptions.Multiline)]
    private static partial Regex CatalogueRowCells();

    internal static HashSet<string> SlugsIn(string source)
    {
        var patterns = Everywhere.AsEnumerable();
        if (source.Contains("ProblemTypes.For(", StringComparison.Ordinal))
        {
            patterns = patterns.Append(SlugTitlePair);
        }

        return patterns.SelectMany(p => p.Matches(source)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    internal static HashSet<string> RowsOf(string markdown) =>
        CatalogueRow().Matches(markdown).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> SlugsInCode() =>
        Directory.GetFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => SlugsIn(File.ReadAllText(f)))
            .ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Catalogue() => RowsOf(File.ReadAllText(Path.Combine(Repository.Root, "docs", "problems.md")));

    [Test]
    public void Every_slug_in_the_code_has_a_row_in_docs_problems_md()
    {
        var code = SlugsInCode();
        code.Should().Contain(["not-found", "forbidden", "precondition-failed", "validation-failed", "database-unavailable", "payload-too-large",
            "too-many-requests", "cohort-full", "competency-in-use", "slug-taken", "common-password", "idempotency-key-reused", "unauthorized", "error"],
            "the scan must find the kernel's, the host's, the infrastructure's and every module's slugs");
        code.Except(Catalogue()).Should().BeEmpty("every problem type the API can return is documented in docs/problems.md");
    }

    [Test]
    public void Every_problem_type_descriptor_has_its_status_and_title_in_docs_problems_md()
    {
        var rows = CatalogueRowCells().Matches(File.ReadAllText(Path.Combine(Repository.Root, "docs", "problems.md")))
            .ToDictionary(m => m.Groups[1].Value, m => (Status: m.Groups[2].Value, Titles: m.Groups[3].Value.Split(" / ")));
        var descriptors = Descriptors().ToList();
        descriptors.Select(d => d.Slug).Should().Contain(["not-found", "cohort-full", "competency-in-use", "slug-taken", "validation-failed", "idempotency-key-reused"],
            "the kernel's, every module's, the host's and the infrastructure's catalogues are read");
        descriptors.Where(d => !rows.TryGetValue(d.Slug, out var row) || row.Status != $"{d.Status}" || !row.Titles.Contains(d.Title))
            .Should().BeEmpty("each descriptor's slug has a row in docs/problems.md with its status and (one of) its titles");
    }

    /// <summary>Every static <see cref="ProblemType"/> field of the API's own assemblies: what the OpenAPI document and the code use.</summary>
    private static IEnumerable<ProblemType> Descriptors()
    {
        var assemblies = new Dictionary<string, System.Reflection.Assembly>();
        var pending = new Stack<System.Reflection.Assembly>([typeof(Program).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (assemblies.TryAdd(assembly.GetName().Name!, assembly))
            {
                foreach (var name in assembly.GetReferencedAssemblies().Where(n => n.Name!.StartsWith("Spoc.", StringComparison.Ordinal)))
                {
                    pending.Push(System.Reflection.Assembly.Load(name));
                }
            }
        }

        const System.Reflection.BindingFlags statics = System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic;
        return assemblies.Values.SelectMany(a => a.GetTypes()).SelectMany(t => t.GetFields(statics))
            .Where(f => f.FieldType == typeof(ProblemType)).Select(f => (ProblemType)f.GetValue(null)!);
    }

    [Test]
    public void Every_row_of_docs_problems_md_is_a_slug_the_code_writes()
    {
        Catalogue().Except(SlugsInCode()).Should().BeEmpty("docs/problems.md lists no problem type the API no longer returns");
    }

    [Test]
    public void The_scan_finds_each_way_a_slug_is_written_and_nothing_else()
    {
        const string source = """
            public static readonly ProblemType SeatGone = new(409, "seat-gone", "Gone", "No seat is left.");
            public static readonly ProblemType EmailNotVerified = new ProblemType(403, "email-not-verified", "Email not verified");
            throw new ProblemException(422, "key-reused", "Reused");
            Problem(503, "db-down", "Unavailable", null);
            Type = ProblemTypes.For("bad-body"),
            new ValidationFailure("x", "y") { ErrorCode = "weak-password" };
            RuleFor(c => c.X).Must(Ok).WithErrorCode("too-long");
            [400] = ("malformed", "Bad request"),
            var label = ("not-a-slug", "Text");
            public const string Name = "also-not-a-slug";
            """;

        SlugsIn(source).Should().BeEquivalentTo(
            ["seat-gone", "email-not-verified", "key-reused", "db-down", "bad-body", "weak-password", "too-long", "malformed", "not-a-slug"]);
        SlugsIn(source.Replace("ProblemTypes.For(\"bad-body\")", "\"bad-body\"")).Should().NotContain(["malformed", "not-a-slug", "bad-body"]);
    }

    [Test]
    public void The_catalogue_parser_reads_rows_and_a_missing_slug_is_caught()
    {
        const string markdown = """
            | slug | status | title | when | what the client should do |
            |---|---|---|---|---|
            | `cohort-full` | 409 | The cohort is full | ... | ... |
            | `error` | any other | Error | ... | ... |
            Prose that mentions `not-a-row` | 409 is no row.
            """;

        var rows = RowsOf(markdown);
        rows.Should().BeEquivalentTo(["cohort-full", "error"]);
        new[] { "cohort-full", "last-trainer" }.Except(rows).Should().Equal("last-trainer");
    }
}
