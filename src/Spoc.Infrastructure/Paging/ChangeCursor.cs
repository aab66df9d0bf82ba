using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;

namespace Spoc.SharedKernel.Paging;

/// <summary>
/// Where a sync of a list stands (ADR 0046): after the change made at <see cref="UpdatedSince"/> to <see cref="AfterId"/>,
/// the last item read. Changes are read in (time, id) order, so that a row changed while a system pages moves after the
/// cursor instead of shifting the rest under it: nothing is skipped.
/// </summary>
public sealed record ChangeCursor(DateTimeOffset UpdatedSince, Guid? AfterId)
{
    /// <summary><c>?updatedSince=2026-12-01T08:00:00Z&amp;afterId=…</c>, bound with <c>[AsParameters]</c>.</summary>
    /// <param name="UpdatedSince">Sync mode (RFC 3339): only what changed after this time, tombstones included, oldest first; the last item's <c>updatedAt</c> to read on.</param>
    /// <param name="AfterId">With <c>updatedSince</c>: the last item's id, so that items changed at that same time are not read twice nor skipped.</param>
    public sealed record Parameters(
        [property: FromQuery(Name = "updatedSince")] DateTimeOffset? UpdatedSince,
        [property: FromQuery(Name = "afterId")] Guid? AfterId)
    {
        public ChangeCursor? Cursor => (UpdatedSince, AfterId) switch
        {
            ({ } at, var after) => new ChangeCursor(at, after),
            (null, null) => null,
            _ => throw new ValidationException([new ValidationFailure("afterId", "afterId goes with updatedSince: the last item's updatedAt and id.")]),
        };
    }
}

/// <summary>
/// The changes a sync may read now: those older than <c>Sync:SettleLag</c> (5 s). A transaction that stamped its rows a
/// moment ago may not have committed yet; a cursor past it would skip them for good.
/// </summary>
public sealed class SyncWindow(TimeProvider clock, IConfiguration configuration)
{
    private readonly TimeSpan _lag = configuration.GetValue("Sync:SettleLag", TimeSpan.FromSeconds(5));

    public DateTimeOffset Settled => clock.GetUtcNow() - _lag;
}
