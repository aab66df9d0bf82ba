using Spoc.SharedKernel.Problems;

namespace Spoc.SharedKernel.Http;

/// <summary>Strong ETags derived from an entity's concurrency token, and the <c>If-Match</c> check (412 on mismatch).</summary>
public static class ETags
{
    public static string Of(Guid version) => $"\"{version:N}\"";

    /// <summary>No <c>If-Match</c> means "update whatever is there"; a stale one means the caller's copy is outdated.</summary>
    public static void EnsureMatches(string? ifMatch, Guid version)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*")
        {
            return;
        }

        var current = Of(version);
        var matches = ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Contains(current); // If-Match uses strong comparison: a weak tag never matches
        if (!matches)
        {
            throw ProblemException.PreconditionFailed();
        }
    }
}
