namespace Spoc.ArchitectureTests;

/// <summary>The checkout the tests run in: some rules read sources and restore graphs, not only assemblies.</summary>
internal static class Repository
{
    public static string Root { get; } = Find(AppContext.BaseDirectory);

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string Find(string directory) =>
        File.Exists(Path.Combine(directory, "Spoc.Api.sln")) ? directory : Find(Directory.GetParent(directory)?.FullName ?? throw new DirectoryNotFoundException("Spoc.Api.sln not found above the test binaries"));
}
