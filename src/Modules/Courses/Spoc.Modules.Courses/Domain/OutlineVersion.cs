using System.Security.Cryptography;

namespace Spoc.Modules.Courses.Domain;

/// <summary>
/// The version of a course's outline as a whole: a digest of every section's and activity's own version, so any change to
/// any of them (a rename, a move, an addition, a deletion) gives a new one. It needs no column: the outline and the reorder
/// both read every row anyway.
/// </summary>
internal static class OutlineVersion
{
    /// <param name="parts">Every section's and activity's id and version, in any order.</param>
    public static Guid Of(IEnumerable<(Guid Id, Guid Version)> parts)
    {
        var rows = parts.OrderBy(r => r.Id).ToList();
        var bytes = new byte[rows.Count * 32];
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Id.TryWriteBytes(bytes.AsSpan(i * 32, 16));
            rows[i].Version.TryWriteBytes(bytes.AsSpan((i * 32) + 16, 16));
        }

        return new Guid(SHA256.HashData(bytes).AsSpan(0, 16));
    }
}
