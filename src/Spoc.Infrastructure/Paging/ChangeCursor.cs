using System.Linq.Expressions;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
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

    /// <summary>
    /// One page of a sync, the same for every synced list: the rows changed after the cursor and settled, in (time, id) order so
    /// that the last one is the next cursor, projected by <paramref name="select"/>; and what is left from the cursor, this page
    /// included. One statement, and a count only when the page is full (a short page is all that is left).
    /// </summary>
    /// <param name="updatedAt">The row's change time, the first key of the order.</param>
    /// <param name="id">The id a consumer passes back as <c>afterId</c>: rows of one save share a time and are told apart by it.</param>
    public async Task<(List<TItem> Items, int Left)> ReadAsync<TRow, TItem>(
        IQueryable<TRow> rows, ChangeCursor since, int pageSize, Expression<Func<TRow, DateTimeOffset>> updatedAt, Expression<Func<TRow, Guid>> id,
        Expression<Func<TRow, TItem>> select, CancellationToken ct)
    {
        var changes = rows.Where(After(since, Settled, updatedAt, id));
        var items = await changes.OrderBy(updatedAt).ThenBy(id).Take(pageSize).Select(select).ToListAsync(ct);
        return (items, items.Count < pageSize ? items.Count : await changes.CountAsync(ct));
    }

    /// <summary>
    /// <c>row =&gt; (updatedAt &gt; at || (updatedAt == at &amp;&amp; id &gt; after)) &amp;&amp; updatedAt &lt;= until</c> over the caller's two
    /// selectors; the cursor's values stay captured variables, so that EF sends them as parameters (one cached plan).
    /// </summary>
    private static Expression<Func<TRow, bool>> After<TRow>(
        ChangeCursor since, DateTimeOffset until, Expression<Func<TRow, DateTimeOffset>> updatedAt, Expression<Func<TRow, Guid>> id)
    {
        var (at, after) = (since.UpdatedSince, since.AfterId ?? Guid.Empty);
        Expression<Func<DateTimeOffset, Guid, bool>> rule = (time, key) => (time > at || (time == at && key.CompareTo(after) > 0)) && time <= until;
        var row = updatedAt.Parameters[0];
        var key = ReplacingExpressionVisitor.Replace(id.Parameters[0], row, id.Body);
        return Expression.Lambda<Func<TRow, bool>>(new ReplacingExpressionVisitor([rule.Parameters[0], rule.Parameters[1]], [updatedAt.Body, key]).Visit(rule.Body), row);
    }
}
