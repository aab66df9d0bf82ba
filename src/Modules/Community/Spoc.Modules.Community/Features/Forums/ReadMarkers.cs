using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>
/// A read marker only moves forward, and two requests racing never lose it. The reader's marker comes with the thread
/// (<c>readUpTo</c>), so a page already read costs no statement; otherwise one: a conditional update in SQL
/// (<c>WHERE LastReadNumber &lt; n</c>: a parallel read that went further wins), or the first read's insert, which the
/// primary key (thread, person) lets only one request make (the loser moves the winner's row instead).
/// </summary>
internal static class ReadMarkers
{
    public static async Task MarkReadAsync(this CommunityDbContext db, Guid threadId, Guid userId, int? readUpTo, int number, CancellationToken ct)
    {
        if (readUpTo >= number)
        {
            return;
        }

        if (readUpTo is not null)
        {
            await MoveForwardAsync(db, threadId, userId, number, ct);
            return;
        }

        var marker = db.ThreadReadMarkers.Add(new ThreadReadMarker { ThreadId = threadId, UserId = userId, LastReadNumber = number });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            marker.State = EntityState.Detached;
            await MoveForwardAsync(db, threadId, userId, number, ct);
        }
    }

    private static Task<int> MoveForwardAsync(CommunityDbContext db, Guid threadId, Guid userId, int number, CancellationToken ct) =>
        db.ThreadReadMarkers.Where(m => m.ThreadId == threadId && m.UserId == userId && m.LastReadNumber < number)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastReadNumber, number), ct);
}
