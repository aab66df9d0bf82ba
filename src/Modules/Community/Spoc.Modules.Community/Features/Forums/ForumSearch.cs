using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>
/// Full-text search of posts (docs/adr/0023): SQLite's FTS5 table <c>ForumPostSearch</c>, kept by triggers on
/// <c>ForumPosts</c>, on the embedded default; SQL Server's full-text index on <c>ForumPosts.Body</c> in production. Both
/// return post ids only: who may see which post is decided by the caller's query, as everywhere else.
/// </summary>
internal static partial class ForumSearch
{
    /// <summary>The ids of the posts whose text holds every word of <paramref name="q"/> (as a prefix); none when it holds no word.</summary>
    public static IQueryable<Guid> MatchingPostIds(CommunityDbContext db, string q)
    {
        // Each word quoted: the user's text is never read as the engine's query syntax (NEAR, OR, column filters, quotes).
        var words = Word().Matches(q).Select(m => m.Value).Take(8).ToList();
        if (words.Count == 0)
        {
            return db.ForumPosts.Where(_ => false).Select(p => p.Id);
        }

        if (db.Database.IsSqlite())
        {
            var match = string.Join(' ', words.Select(w => $"\"{w}\"*"));
            return db.Database.SqlQuery<Guid>($"SELECT PostId AS Value FROM ForumPostSearch WHERE ForumPostSearch MATCH {match}");
        }

        var contains = string.Join(" AND ", words.Select(w => $"\"{w}*\""));
        return db.ForumPosts.Where(p => EF.Functions.Contains(p.Body, contains)).Select(p => p.Id);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
