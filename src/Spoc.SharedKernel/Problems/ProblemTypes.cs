namespace Spoc.SharedKernel.Problems;

public static class ProblemTypes
{
    public const string BaseUri = "https://spoc.dev/problems/";

    public static string For(string slug) => BaseUri + slug;
}
