using Microsoft.EntityFrameworkCore;
using Spoc.Modules.Community.Data;
using Spoc.Modules.Community.Domain;
using Spoc.SharedKernel.Persistence;

namespace Spoc.Modules.Community.Features.Forums;

/// <summary>
/// A read marker only moves forward, and two requests racing never lose it: a conditional update in SQL, else an insert
/// that the primary key (thread, person) lets only one request make; the loser moves the winner's row instead.
/// </summary>
internal static class ReadMarkers
{
    public static async Task MarkReadAsync(this CommunityDbContext db, Guid threadId, Guid userId, int number, CancellationToken ct)
    {
        if (await MoveForwardAsync(db, threadId, userId, number, ct) > 0
            || await db.ThreadReadMarkers.AnyAsync(m => m.ThreadId == threadId && m.UserId == userId, ct))
        {
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
